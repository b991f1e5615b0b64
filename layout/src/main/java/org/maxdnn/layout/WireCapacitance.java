package org.maxdnn.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.sim.Liberty;
import org.maxdnn.sim.LibertyCell;
import org.maxdnn.sim.LibertyPin;
import org.maxdnn.sim.Netlist;

/**
 * The extracted wire capacitance of every net of a routed netlist, from its SPEF.
 *
 * <p><b>Names.</b> The SPEF names nets as the router saw them ({@code rb[3]}, {@code _674_[0]},
 * {@code clock_bF_buf4} where the DEF says {@code clock_bF$buf4}), while qflow's Verilog netlist
 * says {@code rb_3_}. So a SPEF net is matched to a netlist net by its connections, not its name:
 * the instance pins ({@code *I inst:pin}: instance names are the same in both) and ports
 * ({@code *P a[3]}: port a, bit 3). All connections of a net must land on one netlist net.
 *
 * <p><b>Units.</b> qflow 1.3.17's SPEF (rc2dly from qrouter's RC file) declares {@code *C_UNIT 1 FF}
 * but writes picofarads: its {@code *L} pin loads are the liberty's pin capacitances in pF, and its
 * wire capacitances are what the LEF's per-area and edge capacitances (pF/µm², pF/µm) give for the
 * routed lengths. The unit is therefore calibrated: the {@code *L} loads are compared with the
 * liberty's capacitance of the same cell pins, and the decade that makes them agree is taken (the
 * header's unit when it does). A file without {@code *L} loads is taken at its header's word.
 *
 * @param farads wire capacitance per netlist net bit
 * @param unitFarads the unit the SPEF's values were read in
 * @param unitNote how the unit was decided
 * @param mappedNets SPEF nets matched to a netlist net
 * @param unmappedNets SPEF nets none of whose connections is in the netlist
 * @param unextractedNets netlist nets with a driver and a load but no SPEF entry
 * @param totalFarads Σ over mapped nets
 */
public record WireCapacitance(Map<Integer, Double> farads, double unitFarads, String unitNote, int mappedNets,
                              int unmappedNets, int unextractedNets, double totalFarads) {
    private static final Pattern BIT = Pattern.compile("^(.*)\\[(\\d+)\\]$");

    public WireCapacitance {
        farads = Map.copyOf(farads);
    }

    /** Maps {@code spef} onto {@code netlist}; {@code where} names the SPEF in errors. */
    public static WireCapacitance of(Spef spef, Netlist netlist, Liberty liberty, String where) {
        Map<String, Netlist.Cell> cells = new HashMap<>();
        for (Netlist.Cell c : netlist.cells()) {
            cells.put(c.name(), c);
        }
        double unit = calibratedUnit(spef, cells, liberty);
        String note = Math.abs(Math.log10(unit / spef.capacitanceUnitFarads())) < 0.01
                ? "as the SPEF header declares"
                : String.format(Locale.ROOT, "the header declares %s but the *L pin loads equal the liberty's pin "
                        + "capacitances in %s, so values are read in %s", unitName(spef.capacitanceUnitFarads()),
                        unitName(unit), unitName(unit));
        Map<Integer, Double> farads = new HashMap<>();
        int mapped = 0;
        int unmapped = 0;
        double total = 0;
        for (Spef.Net net : spef.nets()) {
            Integer bit = null;
            for (Spef.Connection c : net.connections()) {
                Integer b = c.isPort() ? portBit(netlist, c.pin()) : pinBit(cells.get(c.instance()), c.pin());
                if (b == null) {
                    continue;
                }
                if (bit != null && !bit.equals(b)) {
                    throw MaxdnnException.badInput(where + ": SPEF net " + net.name() + " connects netlist nets "
                            + netlist.netName(bit) + " and " + netlist.netName(b) + "; SPEF and netlist disagree");
                }
                bit = b;
            }
            if (bit == null || bit < 2) {
                unmapped++;
                continue;
            }
            double f = net.totalCapacitance() * unit;
            farads.merge(bit, f, Double::sum);
            total += f;
            mapped++;
        }
        return new WireCapacitance(farads, unit, note, mapped, unmapped, unextracted(netlist, liberty, farads.keySet()),
                total);
    }

    /** Nets that a cell drives and some cell pin or output port loads, with no extracted capacitance. */
    private static int unextracted(Netlist netlist, Liberty liberty, Set<Integer> extracted) {
        Set<Integer> driven = new HashSet<>();
        Set<Integer> loaded = new HashSet<>();
        for (Netlist.Cell c : netlist.cells()) {
            LibertyCell type = liberty.cells().get(c.type());
            for (Map.Entry<String, Integer> e : c.connections().entrySet()) {
                LibertyPin p = type == null ? null : type.pin(e.getKey());
                if (p != null && p.isOutput()) {
                    driven.add(e.getValue());
                } else {
                    loaded.add(e.getValue());
                }
            }
        }
        for (Netlist.Port p : netlist.outputs()) {
            for (int b : p.bits()) {
                loaded.add(b);
            }
        }
        int n = 0;
        for (int b : driven) {
            if (b >= 2 && loaded.contains(b) && !extracted.contains(b)) {
                n++;
            }
        }
        return n;
    }

    /** The farads per SPEF unit that make the *L loads agree with the liberty (the header's unit without *L). */
    static double calibratedUnit(Spef spef, Map<String, Netlist.Cell> cells, Liberty liberty) {
        List<Double> ratios = new ArrayList<>();
        for (Spef.Net net : spef.nets()) {
            for (Spef.Connection c : net.connections()) {
                Netlist.Cell cell = c.isPort() ? null : cells.get(c.instance());
                LibertyCell type = cell == null ? null : liberty.cells().get(cell.type());
                LibertyPin pin = type == null ? null : type.pin(c.pin());
                if (pin != null && pin.capacitance() > 0 && c.load() > 0) {
                    ratios.add(pin.capacitance() * liberty.capacitanceUnit() / c.load());
                }
            }
        }
        if (ratios.isEmpty()) {
            return spef.capacitanceUnitFarads();
        }
        ratios.sort(null);
        double median = ratios.get(ratios.size() / 2);
        double decade = Math.pow(10, Math.round(Math.log10(median)));
        if (Math.abs(Math.log10(median / decade)) > 0.05) {
            throw MaxdnnException.badInput(String.format(Locale.ROOT, "SPEF of %s: its *L pin loads are %.3g x the "
                    + "liberty's pin capacitances, no power of ten; cannot tell its capacitance unit", spef.design(),
                    median));
        }
        return decade;
    }

    private static Integer pinBit(Netlist.Cell cell, String pin) {
        return cell == null ? null : cell.connections().get(pin);
    }

    private static Integer portBit(Netlist netlist, String name) {
        Matcher m = BIT.matcher(name);
        String port = m.matches() ? m.group(1) : name;
        int index = m.matches() ? Integer.parseInt(m.group(2)) : 0;
        for (Netlist.Port p : netlist.ports()) {
            if (p.name().equals(port) && index < p.bits().length) {
                return p.bits()[index];
            }
        }
        return null;
    }

    private static String unitName(double farads) {
        String[] names = {"F", "mF", "uF", "nF", "pF", "fF", "aF"};
        int k = (int) Math.round(-Math.log10(farads) / 3);
        return k >= 0 && k < names.length && Math.abs(farads - Math.pow(10, -3 * k)) < 1e-3 * farads ? names[k]
                : String.format(Locale.ROOT, "%.3g F", farads);
    }
}

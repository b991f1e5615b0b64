package org.maxdnn.drum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maxdnn.MaxdnnException;
import org.maxdnn.mult.Multiplier;
import org.maxdnn.mult.MultiplierConfig;
import org.maxdnn.mult.MultiplierFamilies;
import org.maxdnn.mult.MultiplierFamily;
import org.maxdnn.mult.MultiplierRegistry;

/**
 * DRUM-k (Hashemi, Bahar, Reda, "DRUM: A Dynamic Range Unbiased Multiplier for approximate
 * applications", ICCAD 2015), signed 8×8 ({@code drum-kK}): a family registered by the tests alone
 * (test resources' {@code META-INF/services}), which proves that a family is a plug-in.
 */
public final class DrumFamily implements MultiplierFamily {
    /** k below 3 overflows the signed 16-bit product (|DRUM(−128)| = 128 + 2^(8−k)); from 8 on it is exact. */
    static final int MIN_K = 3;
    static final int MAX_K = 7;
    private static final Pattern NAME = Pattern.compile("drum-k(\\d+)");

    /** A DRUM configuration: k bits kept of each operand's magnitude from its leading one. */
    public record Config(int k) implements MultiplierConfig {
        public Config {
            if (k < MIN_K || k > MAX_K) {
                throw MaxdnnException.badInput("DRUM k=" + k + " is out of range " + MIN_K + ".." + MAX_K);
            }
        }

        @Override
        public MultiplierFamily family() {
            return MultiplierFamilies.byId("drum");
        }

        @Override
        public String name() {
            return "drum-k" + k;
        }

        @Override
        public Map<String, Integer> parameters() {
            Map<String, Integer> out = new LinkedHashMap<>();
            out.put("k", k);
            return out;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    @Override
    public String id() {
        return "drum";
    }

    @Override
    public String syntax() {
        return "drum-kK (K " + MIN_K + ".." + MAX_K + ")";
    }

    @Override
    public MultiplierConfig parse(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? new Config(Integer.parseInt(m.group(1))) : null;
    }

    /** k = 3..6 (k = 7 differs from exact at ±128 only). */
    @Override
    public List<MultiplierConfig> catalogue() {
        List<MultiplierConfig> out = new ArrayList<>();
        for (int k = MIN_K; k < MAX_K; k++) {
            out.add(new Config(k));
        }
        return out;
    }

    @Override
    public Multiplier create(MultiplierConfig config, MultiplierRegistry registry) {
        return new DrumMultiplier((Config) config);
    }
}

package org.maxdnn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.maxdnn.infer.ConvLayer;
import org.maxdnn.infer.Layer;
import org.maxdnn.infer.Network;
import org.maxdnn.infer.Window;
import org.maxdnn.io.AtomicFiles;

/** {@code maxdnn model}: the layers of a model (name, op, shapes, MACs). */
final class ModelCommand implements CliCommand {
    @Override
    public String name() {
        return "model";
    }

    @Override
    public String summary() {
        return "list the layers of a model (name, op, shapes, MACs); conv*, dw* and fc* are the ones maps approximate";
    }

    @Override
    public Options options() {
        return new Options().addOption(Inputs.model())
                .addOption(Inputs.outFile("json", "the layer table as JSON"));
    }

    @Override
    public int run(CommandLine cmd, Context ctx) throws Exception {
        Network net = Inputs.network(cmd, ctx);
        ctx.out().println("model " + net.model().file() + " (" + net.layers().size() + " layers, input "
                + net.model().tensor(net.inputTensor()).shapeText() + " int8; " + net.weightedLayers().size()
                + " approximable layers: conv*, dw*, fc*)");
        ctx.out().printf(Locale.ROOT, "%-10s %-18s %-14s %-14s %-7s %-6s %-10s %12s%n",
                "layer", "op", "input", "output", "kernel", "stride", "kernels", "MACs");
        ObjectMapper json = new ObjectMapper();
        ArrayNode rows = json.createArrayNode();
        for (Layer l : net.layers()) {
            ObjectNode row = rows.addObject().put("name", l.name()).put("op", l.op().name());
            String in = shape(net, l.inputs()[0]);
            String out = shape(net, l.output());
            String kernel = "";
            String stride = "";
            String kernels = "";
            Window w = l.window();
            if (w != null) {
                kernel = w.kh() + "x" + w.kw();
                stride = w.strideH() + "x" + w.strideW();
            }
            if (l instanceof ConvLayer c) {
                kernels = c.outC() + "x" + c.filterDepth(); // a map's kernels: [out][in], [out][1] for depthwise
                row.put("in_channels", c.inC()).put("out_channels", c.outC()).put("filter_depth", c.filterDepth());
            }
            if (w != null) {
                row.put("kernel", kernel).put("stride", stride);
            }
            row.put("input", in).put("output", out).put("macs", l.macs());
            ctx.out().printf(Locale.ROOT, "%-10s %-18s %-14s %-14s %-7s %-6s %-10s %,12d%n",
                    l.name(), l.op(), in, out, kernel, stride, kernels, l.macs());
        }
        ctx.out().printf(Locale.ROOT, "total %,d multiplications per inference%n", net.totalMacs());
        if (cmd.hasOption("json")) {
            ObjectNode root = json.createObjectNode().put("model", net.model().file().toString())
                    .put("total_macs", net.totalMacs());
            root.set("layers", rows);
            Path file = OptionTypes.path(cmd, "json");
            AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            ctx.out().println("wrote " + file);
        }
        return 0;
    }

    private static String shape(Network net, int tensor) {
        return net.model().tensor(tensor).shapeText();
    }
}

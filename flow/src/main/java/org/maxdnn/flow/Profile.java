package org.maxdnn.flow;

/**
 * The flow's defaults in one place: those of a full run and those of {@code --quick}, a run that
 * finishes in a few minutes on two slow cores. Commands take their defaults from here and the
 * stages their sizes; an option given on the command line overrides its field.
 *
 * @param population        NSGA-II population
 * @param generations       NSGA-II generations (--quick: 12 x 3 evaluations per approach)
 * @param arraySide         rows and columns of the array {@code run} generates and cosimulates (--quick:
 *                          an 8x8 array, whose Verilator build takes half a minute instead of several)
 * @param pairs             operand pairs per layer characterised for one network
 * @param sharedPairs       the same for {@code run --all}'s characterisation of every network at once
 * @param filterGroups      filter groups per layer of the filter-level approach
 * @param sensitivityImages images of the layer sensitivity probe that ranks filters and kernels
 * @param windowStride      every n-th window of each anomaly file is searched and validated: the
 *                          autoencoder's ~39,000 windows cost about 25 ResNet-8 sets per map; 196
 *                          windows a file thinned to 49 (14 with --quick)
 * @param explorationImages images of a CIFAR-10 network's default exploration set (the 4,964 JPEG
 *                          test images) explore and run split, balanced over labels; 0: all of them
 */
public record Profile(int population, int generations, int arraySide, int pairs, int sharedPairs, int filterGroups,
                      int sensitivityImages, int windowStride, int explorationImages) {
    public static final Profile FULL = new Profile(24, 12, 16, 20_000, 20_000, 4, 4, 4, 0);
    public static final Profile QUICK = new Profile(12, 2, 8, 20_000, 5_000, 2, 2, 14, 500);

    public static Profile of(boolean quick) {
        return quick ? QUICK : FULL;
    }
}

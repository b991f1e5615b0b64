package org.maxdnn.model;

/**
 * One operator of the graph with the options int8 CNN kernels need; fields an operator does not
 * have are 0 / null.
 *
 * @param index           position in execution order
 * @param filterH         pooling window height (pool ops only)
 * @param depthMultiplier output channels per input channel (depthwise convolution only)
 * @param beta            softmax beta (softmax only)
 */
public record Operator(int index, OpType type, int[] inputs, int[] outputs, Padding padding,
                       int strideH, int strideW, int filterH, int filterW, int depthMultiplier,
                       Activation activation, float beta) {
}

package org.maxdnn.cosim;

/** A simulation of the accelerator that executes host programs and answers their reads and runs. */
interface AcceleratorSimulator extends AutoCloseable {
    /** Runs {@code commands} and returns their responses (little endian), {@link HostCommands#responseBytes} of them. */
    byte[] execute(HostCommands commands);

    /** True when state (memory contents) carries from one {@link #execute} to the next. */
    boolean keepsState();

    @Override
    void close();
}

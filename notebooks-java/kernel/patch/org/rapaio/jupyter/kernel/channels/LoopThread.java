/*
 * Derived from rapaio-jupyter-kernel 3.0.1, org.rapaio.jupyter.kernel.channels.LoopThread.
 * Copyright 2023 Aurelian Tutuianu. The MIT License (MIT): permission is hereby granted, free of charge, to any
 * person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the
 * Software without restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions: the above copyright notice and this permission notice
 * shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",
 * WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

/**
 * The thread that runs a kernel channel's loop, as in rapaio-jupyter-kernel 3.0.1 with two start-up races fixed.
 * {@code notebooks-java/install} compiles it into the kernelspec, ahead of the kernel jar on the classpath.
 * <ul>
 *   <li>The original sets {@code running} after {@code Thread.start()}: a thread that runs at once sees
 *       {@code false} and ends, its channel is dead and Jupyter reports "Kernel didn't respond". It is set before.
 *   <li>The shell channel polls before the kernel has registered its message handlers: a message that arrives then
 *       throws and ended the thread. An exception of one turn is now logged and the loop goes on (Jupyter sends
 *       its kernel_info request again).
 * </ul>
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                LOGGER.warning(getName() + ": " + e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}

package se.samla.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a test channel slow at a moment the test chooses: the n-th delivery from now
 * waits inside the channel until the test releases it, as a send behind a throttled
 * server or Teams' Retry-After would. The test can then move its clock past the claim
 * lease while a dispatcher run is in the middle of a send.
 */
public final class DeliveryGate {

	private final AtomicInteger passed = new AtomicInteger();

	private volatile int holdAt = -1;

	private volatile CountDownLatch held = new CountDownLatch(1);

	private volatile CountDownLatch released = new CountDownLatch(0);

	/** The {@code n}-th delivery from now (1-based) waits until {@link #release()}. */
	public void holdDelivery(int n) {
		this.passed.set(0);
		this.held = new CountDownLatch(1);
		this.released = new CountDownLatch(1);
		this.holdAt = n;
	}

	/** Called by the channel at each delivery; blocks the one chosen. */
	public void pass() {
		if (this.passed.incrementAndGet() == this.holdAt) {
			this.held.countDown();
			try {
				if (!this.released.await(60, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never released the held delivery");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Waits until a delivery is held inside the channel. */
	public void awaitHeld() throws InterruptedException {
		if (!this.held.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("no delivery reached the gate");
		}
	}

	public void release() {
		this.holdAt = -1;
		this.released.countDown();
	}

}

package se.samla.shared;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets the writes done at start-up run on one instance at a time: several instances
 * started together on an empty database would otherwise each seed it, and all but one
 * would fail on a duplicate key. The lock is a database row, so it holds across processes
 * on H2 and on PostgreSQL alike, and it is released when the transaction ends, also when
 * the process dies.
 */
@Component
public class StartupLock {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	StartupLock(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs the work in one transaction that first takes the start-up lock, waiting while
	 * another instance holds it; the work should check what is there before it writes.
	 */
	public void exclusively(Runnable work) {
		AtomicBoolean locked = new AtomicBoolean();
		while (true) {
			try {
				this.transactions.executeWithoutResult(status -> {
					this.jdbc.sql("SELECT name FROM startup_lock WHERE name = 'startup' FOR UPDATE")
						.query(String.class)
						.single();
					locked.set(true);
					work.run();
				});
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (locked.get()) {
					throw ex;
				}
				// H2 stops waiting for a row lock after its lock timeout (PostgreSQL
				// waits):
				// the other instance is still at work, so wait again.
			}
		}
	}

}

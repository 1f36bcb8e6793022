package se.samla.campaigns.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samla.campaigns.DispatchReport;

/**
 * The Quartz job that runs the dispatcher. Quartz's clustered JDBC job store fires it on
 * one instance at a time; the outbox's unique keys keep messages single even if two runs
 * overlap anyway.
 */
@DisallowConcurrentExecution
public class DispatchJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(DispatchJob.class);

	private final Dispatcher dispatcher;

	/** Created by Spring Boot's job factory, which autowires the constructor. */
	public DispatchJob(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public void execute(JobExecutionContext context) {
		try {
			DispatchReport report = this.dispatcher.run();
			if (report.recorded() > 0 || report.delivered() > 0 || report.logged() > 0) {
				log.info("Dispatch: {} recorded, {} delivered, {} logged only (no channel configured)",
						report.recorded(), report.delivered(), report.logged());
			}
		}
		catch (RuntimeException ex) {
			// The next run starts from the database again; nothing is lost by skipping
			// this one.
			log.error("Dispatch run failed; the next run will retry", ex);
		}
	}

}

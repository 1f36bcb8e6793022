package se.samla.surveys.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Service;

import se.samla.surveys.Questionnaire;
import se.samla.surveys.QuestionnaireDefinitionException;
import se.samla.surveys.QuestionnaireId;
import se.samla.surveys.Questionnaires;
import se.samla.surveys.UnknownQuestionnaireException;

/**
 * The questionnaires read from the configured directory at start-up. A file with a
 * mistake stops the start, listing the problems of all files, because asking people a
 * half-defined questionnaire is worse than not starting. Each loaded version is stored,
 * so responses to earlier versions remain readable after a file changes.
 */
@Service
@DependsOnDatabaseInitialization
class QuestionnaireCatalog implements Questionnaires, InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(QuestionnaireCatalog.class);

	private final SurveysProperties properties;

	private final QuestionnaireSnapshots snapshots;

	private final QuestionnaireFiles files = new QuestionnaireFiles();

	private volatile Map<QuestionnaireId, Questionnaire> current = Map.of();

	private final Map<VersionKey, Questionnaire> earlierVersions = new ConcurrentHashMap<>();

	QuestionnaireCatalog(SurveysProperties properties, QuestionnaireSnapshots snapshots) {
		this.properties = properties;
		this.snapshots = snapshots;
	}

	private record VersionKey(QuestionnaireId id, String version) {
	}

	@Override
	public void afterPropertiesSet() {
		load();
	}

	/**
	 * Reads all files and stores their versions.
	 * @throws QuestionnaireDefinitionException listing every problem of every file
	 */
	void load() {
		QuestionnaireFiles.Result result = this.files.readDirectory(this.properties.location());
		if (!result.problems().isEmpty()) {
			throw new QuestionnaireDefinitionException(result.problems());
		}
		for (QuestionnaireFiles.Definition definition : result.definitions()) {
			Questionnaire questionnaire = definition.questionnaire();
			this.snapshots.storeIfAbsent(questionnaire.id(), questionnaire.version(), questionnaire.source(),
					definition.content());
			logger.info("Loaded questionnaire {} version {} with {} questions from {}", questionnaire.id(),
					questionnaire.version(), questionnaire.questions().size(), questionnaire.source());
		}
		this.current = result.definitions()
			.stream()
			.map(QuestionnaireFiles.Definition::questionnaire)
			.collect(Collectors.toUnmodifiableMap(Questionnaire::id, Function.identity()));
	}

	@Override
	public List<Questionnaire> current() {
		return this.current.values()
			.stream()
			.sorted(Comparator.comparing((Questionnaire questionnaire) -> questionnaire.id().value()))
			.toList();
	}

	@Override
	public Optional<Questionnaire> current(QuestionnaireId id) {
		return Optional.ofNullable(this.current.get(id));
	}

	@Override
	public Questionnaire version(QuestionnaireId id, String version) {
		Questionnaire now = this.current.get(id);
		if (now != null && now.version().equals(version)) {
			return now;
		}
		return this.earlierVersions.computeIfAbsent(new VersionKey(id, version), this::readSnapshot);
	}

	private Questionnaire readSnapshot(VersionKey key) {
		QuestionnaireSnapshots.Snapshot snapshot = this.snapshots.find(key.id(), key.version())
			.orElseThrow(() -> new UnknownQuestionnaireException(
					"questionnaire " + key.id() + " version " + key.version() + " was never loaded"));
		return this.files.readSnapshot(snapshot.sourceName(), snapshot.content())
			.orElseThrow(() -> new IllegalStateException("the stored questionnaire " + key.id() + " version "
					+ key.version() + " can no longer be read; the parser has become stricter than the snapshot"));
	}

}

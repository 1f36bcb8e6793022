package se.samla.answers;

/** The response engine's journeys on the embedded default database, H2. */
class ResponseEngineH2Tests extends ResponseEngineContract {

}

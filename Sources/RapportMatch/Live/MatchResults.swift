import RapportCore

/// A candidate ranked for a job, with the full fit explanation.
public struct CandidateMatch: Sendable {
    public let candidateID: CandidateID
    public let name: String
    public let headline: String
    public let fit: FitExplanation
}

/// An open job ranked for a candidate, with the full fit explanation.
public struct JobMatch: Sendable {
    public let jobID: JobID
    public let title: String
    public let clientID: ClientID
    public let fit: FitExplanation
}

/// What the index holds and how it was built, for status pages and the benchmark's comparison.
public struct MatchIndexStatus: Sendable, Equatable {
    public let taxonomyVersion: Int64
    public let candidates: Int
    public let openJobs: Int
    public let candidatePostings: Int
    public let memoryBytes: Int
    public let buildMilliseconds: Double
}

/// How a set of submissions turned out, for a recruiter's or a job's scorecard.
public struct PipelineCounts: Equatable, Sendable {
    /// Distinct submissions whose opening was put to the candidate, whatever happened after.
    public var presented: Int
    /// Submissions that ended in a placement.
    public var placed: Int
    /// Submissions the client turned down.
    public var clientRejected: Int
    /// Submissions the candidate turned down.
    public var candidateDeclined: Int
    /// Submissions the firm withdrew.
    public var withdrawn: Int

    /// Counts given directly.
    public init(presented: Int = 0, placed: Int = 0, clientRejected: Int = 0, candidateDeclined: Int = 0, withdrawn: Int = 0) {
        self.presented = presented
        self.placed = placed
        self.clientRejected = clientRejected
        self.candidateDeclined = candidateDeclined
        self.withdrawn = withdrawn
    }

    /// Counts over `submissions`, each id counted once (its highest version when it appears more than once).
    public init(_ submissions: [Submission]) {
        var latest: [SubmissionID: Submission] = [:]
        for submission in submissions where (latest[submission.id]?.version ?? .min) < submission.version {
            latest[submission.id] = submission
        }
        self.init()
        for submission in latest.values {
            if submission.reachedPresentation { presented += 1 }
            switch submission.stage {
            case .placed: placed += 1
            case .clientRejected: clientRejected += 1
            case .candidateDeclined: candidateDeclined += 1
            case .withdrawn: withdrawn += 1
            case .shortlisted, .presented, .candidateInterested, .submitted, .interview, .offer: break
            }
        }
    }

    /// Openings put to candidates for each placement made; nil when nothing was placed.
    public var openingsPresentedPerPlacement: Double? {
        placed == 0 ? nil : Double(presented) / Double(placed)
    }
}

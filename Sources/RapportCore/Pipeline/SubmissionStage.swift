/// Where one candidate stands for one job, from the shortlist to a placement or an ending.
public enum SubmissionStage: String, CaseIterable, Codable, Sendable {
    /// Picked by a recruiter as a possible fit; the candidate has not heard about the job yet.
    case shortlisted
    /// The opening was put to the candidate; their answer is awaited.
    case presented
    /// The candidate said yes to being put forward.
    case candidateInterested = "candidate_interested"
    /// The candidate's profile went to the client.
    case submitted
    /// The client is interviewing the candidate; one stage for every round.
    case interview
    /// The client made an offer.
    case offer
    /// The candidate accepted and the role is filled: final.
    case placed
    /// The candidate said no, with a reason: final.
    case candidateDeclined = "candidate_declined"
    /// The client said no: final, and the candidate must be told.
    case clientRejected = "client_rejected"
    /// The firm stopped the submission (the job closed, filled elsewhere, or the fit was wrong): final.
    case withdrawn

    /// The stages this one may move to: the pipeline's one transition table; empty for a final stage.
    public var next: [SubmissionStage] {
        switch self {
        case .shortlisted: [.presented, .withdrawn]
        case .presented: [.candidateInterested, .candidateDeclined, .withdrawn]
        case .candidateInterested: [.submitted, .candidateDeclined, .withdrawn]
        case .submitted: [.interview, .clientRejected, .candidateDeclined, .withdrawn]
        case .interview: [.interview, .offer, .clientRejected, .candidateDeclined, .withdrawn]
        case .offer: [.placed, .candidateDeclined, .clientRejected, .withdrawn]
        case .placed, .candidateDeclined, .clientRejected, .withdrawn: []
        }
    }

    /// Whether the submission has ended here and refuses any further move.
    public var isTerminal: Bool { next.isEmpty }

    /// Whether the submission is still moving through the pipeline.
    public var isActive: Bool { !isTerminal }

    /// The stage in words, as a page or a message says it ("interview", "declined by the candidate").
    public var phrase: String {
        switch self {
        case .shortlisted: "shortlisted"
        case .presented: "presented"
        case .candidateInterested: "interested"
        case .submitted: "submitted to the client"
        case .interview: "interview"
        case .offer: "offer"
        case .placed: "placed"
        case .candidateDeclined: "declined by the candidate"
        case .clientRejected: "rejected by the client"
        case .withdrawn: "withdrawn"
        }
    }

    /// Whether the opening has been put to the candidate at this stage or before it: every stage but the shortlist
    /// (a withdrawal may come either side of a presentation, so the submission's history decides that one).
    public var isPastPresentation: Bool { self != .shortlisted && self != .withdrawn }

    /// Whether the table allows a move from this stage to `target`.
    public func allows(_ target: SubmissionStage) -> Bool { next.contains(target) }
}

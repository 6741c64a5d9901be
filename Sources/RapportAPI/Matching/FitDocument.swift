import Foundation
import RapportCore
import RapportMatch

/// A fit as the API shows it: score, eligibility with reasons, components, each requirement, and both tellings.
public struct FitDocument: Encodable, Sendable {
    public struct Reason: Encodable, Sendable {
        public var code: String
        public var forRecruiter: String
        public var forCandidate: String
    }

    public struct Component: Encodable, Sendable {
        public var kind: String
        public var title: String
        public var points: Double
        public var maximum: Double
        public var detail: String
    }

    public struct Through: Encodable, Sendable {
        public var skillID: SkillID
        public var skill: String
        public var relation: String
    }

    public struct Requirement: Encodable, Sendable {
        public var skillID: SkillID
        public var skill: String
        public var importance: String
        public var minimumLevel: Int
        public var minimumYears: Double
        public var status: String
        public var credit: Double
        public var level: Int?
        public var years: Double?
        public var lastUsed: Int?
        public var through: Through?
    }

    public struct Explanation: Encodable, Sendable {
        public var forRecruiter: [String]
        public var forCandidate: [String]
    }

    public var score: Int
    public var seniorityFactor: Double
    public var feedbackFactor: Double
    public var eligible: Bool
    public var ineligibility: [Reason]
    public var components: [Component]
    public var requirements: [Requirement]
    public var explanation: Explanation

    public init(_ fit: FitExplanation, taxonomy: Taxonomy) {
        score = fit.score
        seniorityFactor = fit.seniorityFactor
        feedbackFactor = fit.feedbackFactor
        eligible = fit.isEligible
        ineligibility = fit.ineligibility.map { Reason(code: $0.code, forRecruiter: $0.forRecruiter, forCandidate: $0.forCandidate) }
        components = fit.components.map {
            Component(kind: $0.kind.rawValue, title: $0.kind.title, points: ($0.points * 10).rounded() / 10, maximum: $0.maximum,
                      detail: $0.detail)
        }
        requirements = fit.requirements.map { match in
            let requirement = match.requirement
            let through = match.relation.flatMap { relation in
                match.evidence.map { Through(skillID: $0.skillID, skill: taxonomy.name($0.skillID), relation: relation.rawValue) }
            }
            return Requirement(
                skillID: requirement.skillID, skill: taxonomy.name(requirement.skillID), importance: requirement.importance.rawValue,
                minimumLevel: requirement.minimumLevel, minimumYears: requirement.minimumYears, status: match.status.rawValue,
                credit: (match.credit * 1000).rounded() / 1000, level: match.evidence?.level, years: match.evidence?.years,
                lastUsed: match.evidence?.lastUsed, through: through
            )
        }
        explanation = Explanation(forRecruiter: fit.forRecruiter, forCandidate: fit.forCandidate)
    }

    public static let components: [String: Schema] = [
        "Fit": .object("How well a candidate fits a job: eligibility first, then a 0-100 score with its parts.", [
            required("score", .integer("0-100; see MATCHING.md for the formula.", minimum: 0, maximum: 100)),
            required("seniorityFactor", .number("What the components' sum was multiplied by for the job's level against the person's.",
                                                minimum: 0, maximum: 1)),
            required("feedbackFactor", .number("What it was multiplied by for roles alike that the person turned down, 0.6-1.",
                                               minimum: 0, maximum: 1)),
            required("eligible", .boolean("False when any of the candidate's deal-breakers or a contact rule applies.")),
            required("ineligibility", .array(.object(nil, [
                required("code", .string(IneligibilityReason.codes.joined(separator: ", "))),
                required("forRecruiter", .string()), required("forCandidate", .string()),
            ]))),
            required("components", .array(.object(nil, [
                required("kind", .string("must_have, nice_to_have, recency, goals, interests, pay_headroom")),
                required("title", .string()), required("points", .number()), required("maximum", .number()),
                required("detail", .string()),
            ]))),
            required("requirements", .array(.object("One of the job's skills and how the candidate meets it.", [
                required("skillID", .integer(minimum: 1)), required("skill", .string()),
                required("importance", .string("must or nice")), required("minimumLevel", .integer()),
                required("minimumYears", .number()), required("status", .string("met, partial or missing")),
                required("credit", .number("Share of the requirement's weight earned, 0-1.")),
                optional("level", .integer()), optional("years", .number()), optional("lastUsed", .integer()),
                optional("through", .object("The neighbouring skill that earned partial credit.", [
                    required("skillID", .integer()), required("skill", .string()), required("relation", .string("implied or related")),
                ])),
            ]))),
            required("explanation", .object(nil, [
                required("forRecruiter", .array(.string())),
                required("forCandidate", .array(.string("Why this fits the candidate's goals, and what is missing."))),
            ])),
        ]),
    ]
}

/// `GET /jobs/{id}/matches`: the ranked candidates for a job.
public struct JobMatchesDocument: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var candidate: CandidateSummary
        public var fit: FitDocument

        public init(candidate: CandidateSummary, fit: FitDocument) {
            self.candidate = candidate
            self.fit = fit
        }
    }

    public struct CandidateSummary: Encodable, Sendable {
        public var id: CandidateID
        public var name: String
        public var headline: String

        public init(id: CandidateID, name: String, headline: String) {
            self.id = id
            self.name = name
            self.headline = headline
        }
    }

    public var jobID: JobID
    public var taxonomyVersion: Int64
    public var items: [Item]

    public init(jobID: JobID, taxonomyVersion: Int64, items: [Item]) {
        self.jobID = jobID
        self.taxonomyVersion = taxonomyVersion
        self.items = items
    }
}

/// `GET /candidates/{id}/opportunities`: the open jobs a candidate is eligible for, best first.
public struct OpportunitiesDocument: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var job: JobSummary
        public var fit: FitDocument

        public init(job: JobSummary, fit: FitDocument) {
            self.job = job
            self.fit = fit
        }
    }

    public struct JobSummary: Encodable, Sendable {
        public var id: JobID
        public var title: String
        public var clientID: ClientID

        public init(id: JobID, title: String, clientID: ClientID) {
            self.id = id
            self.title = title
            self.clientID = clientID
        }
    }

    public var candidateID: CandidateID
    public var taxonomyVersion: Int64
    public var items: [Item]

    public init(candidateID: CandidateID, taxonomyVersion: Int64, items: [Item]) {
        self.candidateID = candidateID
        self.taxonomyVersion = taxonomyVersion
        self.items = items
    }
}

import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportMatch

/// A fit as the API shows it: score, eligibility with reasons, components, each requirement, and both tellings.
struct FitDocument: Encodable, Sendable {
    struct Reason: Encodable, Sendable {
        var code: String
        var forRecruiter: String
        var forCandidate: String
    }

    struct Component: Encodable, Sendable {
        var kind: String
        var title: String
        var points: Double
        var maximum: Double
        var detail: String
    }

    struct Through: Encodable, Sendable {
        var skillID: SkillID
        var skill: String
        var relation: String
    }

    struct Requirement: Encodable, Sendable {
        var skillID: SkillID
        var skill: String
        var importance: String
        var minimumLevel: Int
        var minimumYears: Double
        var status: String
        var credit: Double
        var level: Int?
        var years: Double?
        var lastUsed: Int?
        var through: Through?
    }

    struct Explanation: Encodable, Sendable {
        var forRecruiter: [String]
        var forCandidate: [String]
    }

    var score: Int
    var eligible: Bool
    var ineligibility: [Reason]
    var components: [Component]
    var requirements: [Requirement]
    var explanation: Explanation

    init(_ fit: FitExplanation, taxonomy: Taxonomy) {
        score = fit.score
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

    static let components: [String: Schema] = [
        "Fit": .object("How well a candidate fits a job: eligibility first, then a 0-100 score with its parts.", [
            required("score", .integer("0-100; see MATCHING.md for the formula.", minimum: 0, maximum: 100)),
            required("eligible", .boolean("False when any of the candidate's deal-breakers or a contact rule applies.")),
            required("ineligibility", .array(.object(nil, [
                required("code", .string("pay_below_minimum, employment_type, remote_only, location, no_right_to_work, not_looking, "
                    + "on_assignment, starts_too_early, client_avoided, industry_avoided, do_not_contact, opted_out, consent_missing, "
                    + "job_not_open")),
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
struct JobMatchesDocument: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var candidate: CandidateSummary
        var fit: FitDocument
    }

    struct CandidateSummary: Encodable, Sendable {
        var id: CandidateID
        var name: String
        var headline: String
    }

    var jobID: JobID
    var taxonomyVersion: Int64
    var items: [Item]
}

/// `GET /candidates/{id}/opportunities`: the open jobs a candidate is eligible for, best first.
struct OpportunitiesDocument: ResponseEncodable, Sendable {
    struct Item: Encodable, Sendable {
        var job: JobSummary
        var fit: FitDocument
    }

    struct JobSummary: Encodable, Sendable {
        var id: JobID
        var title: String
        var clientID: ClientID
    }

    var candidateID: CandidateID
    var taxonomyVersion: Int64
    var items: [Item]
}

extension FitDocument: ResponseEncodable {}

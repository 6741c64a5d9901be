import Foundation
import Hummingbird
import RapportAPI
import RapportCore
import RapportOutreach

/// A scorecard as JSON: figures by group, the quality score with its parts, and activity apart.
struct ScorecardDocument: Encodable, Sendable {
    struct Quality: Encodable, Sendable {
        /// nil with `status` "not_enough_data".
        var score: Int?
        var status: String
        var responses: Int
        var needed: Int
        var components: [String: Double]
        var weights: [String: Double]
    }

    struct NPS: Encodable, Sendable {
        var score: Int?
        var responses: Int
        var promoters: Int
        var detractors: Int
        var sent: Int
        var responseRate: Double?
        var understoodAverage: Double?
    }

    struct Responsiveness: Encodable, Sendable {
        var judged: Int
        var withinSLA: Int
        var pending: Int
        var shareWithinSLA: Double?
        var medianHoursToAnswer: Double?
        var overdueNow: Int
    }

    struct Relevance: Encodable, Sendable {
        var pitches: Int
        var averageFit: Double?
        var feedbackAnswers: Int
        var markedRelevant: Int
        var shareRelevant: Double?
        var optOutsAfterPitch: Int
        var gateOverrides: Int
    }

    struct Relationship: Encodable, Sendable {
        var firstPitches: Int
        var discoveredFirst: Int
        var discoveryBeforeFirstPitch: Double?
        var presentations: Int
        var openingsPresentedPerPlacement: Double?
        var assignmentsEnded: Int
        var redeployed: Int
        var redeploymentRate: Double?
    }

    struct Outcomes: Encodable, Sendable {
        var placements: Int
        var completedAssignments: Int
    }

    struct Activity: Encodable, Sendable {
        var note = "Reported apart: never part of the quality score or the ranking."
        var emailsSent: Int
        var contactsLogged: Int
        var submissionsCreated: Int
    }

    var subject: String
    var id: Int64?
    var name: String
    var period: String
    var asOf: Date
    var quality: Quality
    var nps: NPS
    var responsiveness: Responsiveness
    var relevance: Relevance
    var relationship: Relationship
    var outcomes: Outcomes
    var activity: Activity

    init(_ card: Scorecard, name: String) {
        switch card.subject {
        case .recruiter(let id): (subject, self.id) = ("recruiter", id.rawValue)
        case .practice(let id): (subject, self.id) = ("practice", id.rawValue)
        case .firm: (subject, self.id) = ("firm", nil)
        }
        self.name = name
        period = card.period.description
        asOf = card.asOf
        switch card.quality {
        case .notEnoughData(let responses, let needed):
            quality = Quality(score: nil, status: "not_enough_data", responses: responses, needed: needed, components: [:], weights: [:])
        case .scored(let value, let components, let weights):
            quality = Quality(
                score: value, status: "scored", responses: card.nps.responses, needed: QualityScore.minimumResponses,
                components: Dictionary(uniqueKeysWithValues: components.map { ($0.key.rawValue, Self.round($0.value)) }),
                weights: Dictionary(uniqueKeysWithValues: weights.map { ($0.key.rawValue, Self.round($0.value, places: 3)) }))
        }
        let n = card.nps
        nps = NPS(score: n.score, responses: n.responses, promoters: n.promoters, detractors: n.detractors, sent: n.sent,
                  responseRate: n.responseRate.map { Self.round($0, places: 3) }, understoodAverage: n.understoodAverage.map { Self.round($0, places: 2) })
        let r = card.responsiveness
        responsiveness = Responsiveness(judged: r.judged, withinSLA: r.withinSLA, pending: r.pending,
                                        shareWithinSLA: r.shareWithinSLA.map { Self.round($0, places: 3) },
                                        medianHoursToAnswer: r.medianHoursToAnswer.map { Self.round($0, places: 1) }, overdueNow: r.overdueNow)
        let v = card.relevance
        relevance = Relevance(pitches: v.pitches, averageFit: v.averageFit.map { Self.round($0, places: 1) }, feedbackAnswers: v.feedbackAnswers,
                              markedRelevant: v.markedRelevant, shareRelevant: v.shareRelevant.map { Self.round($0, places: 3) },
                              optOutsAfterPitch: v.optOuts, gateOverrides: v.gateOverrides)
        let d = card.relationship
        relationship = Relationship(
            firstPitches: d.firstPitches, discoveredFirst: d.discoveredFirst,
            discoveryBeforeFirstPitch: d.discoveryBeforeFirstPitch.map { Self.round($0, places: 3) }, presentations: d.presentations,
            openingsPresentedPerPlacement: d.openingsPresentedPerPlacement.map { Self.round($0, places: 2) },
            assignmentsEnded: d.assignmentsEnded, redeployed: d.redeployed, redeploymentRate: d.redeploymentRate.map { Self.round($0, places: 3) })
        outcomes = Outcomes(placements: card.outcomes.placements, completedAssignments: card.outcomes.completedAssignments)
        activity = Activity(emailsSent: card.activity.emailsSent, contactsLogged: card.activity.contactsLogged,
                            submissionsCreated: card.activity.submissionsCreated)
    }

    static func round(_ value: Double, places: Int = 1) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}

/// Every scorecard of a period, ranked by quality score.
public struct ScorecardReportDocument: ResponseEncodable, Sendable {
    var period: String
    var asOf: Date
    var formula: String
    var recruiters: [ScorecardDocument]
    var practices: [ScorecardDocument]
    var firm: ScorecardDocument

    public init(_ report: ScorecardReport) {
        period = report.period.description
        asOf = report.asOf
        formula = QualityScore.formulaSummary
        recruiters = report.recruiters.map { ScorecardDocument($0.card, name: $0.name) }
        practices = report.practices.map { ScorecardDocument($0.card, name: $0.name) }
        firm = ScorecardDocument(report.firm, name: "Firm")
    }

    /// The document as the API serves it, for the CLI's --json.
    public func encoded() throws -> Data { try APIDates.encoder.encode(self) }
}

/// Pay bands and demand against supply.
public struct MarketDocument: ResponseEncodable, Sendable {
    struct Band: Encodable, Sendable {
        var skillID: SkillID
        var skill: String
        var region: String
        var month: String
        var currency: String
        var unit: String
        var count: Int
        var lowerQuartile: Int64
        var median: Int64
        var upperQuartile: Int64
    }

    struct Balance: Encodable, Sendable {
        var skillID: SkillID
        var skill: String
        var demand: Int
        var supply: Int
        var demandPerPerson: Double?
    }

    struct PracticeBalance: Encodable, Sendable {
        var practiceID: PracticeID
        var practice: String
        var demand: Int
        var supply: Int
    }

    var since: LocalDate
    var note = "Pay in minor units of each region's own currency, never converted; from jobs posted and placements started."
    var pay: [Band]
    var skills: [Balance]
    var practices: [PracticeBalance]

    public init(_ report: MarketReport, skillLimit: Int = 50) {
        since = report.since
        pay = report.payBands.map {
            Band(skillID: $0.skillID, skill: report.skillNames[$0.skillID] ?? "skill \($0.skillID)", region: $0.region.rawValue,
                 month: $0.month.description, currency: $0.currency.rawValue, unit: $0.unit.rawValue, count: $0.count,
                 lowerQuartile: $0.lowerQuartile.minorUnits, median: $0.median.minorUnits, upperQuartile: $0.upperQuartile.minorUnits)
        }
        skills = report.skills.prefix(skillLimit).map {
            Balance(skillID: $0.skillID, skill: report.skillNames[$0.skillID] ?? "skill \($0.skillID)", demand: $0.demand, supply: $0.supply,
                    demandPerPerson: $0.demandPerPerson.map { ScorecardDocument.round($0, places: 2) })
        }
        practices = report.practices.map { PracticeBalance(practiceID: $0.practiceID, practice: $0.name, demand: $0.demand, supply: $0.supply) }
    }

    /// The document as the API serves it, for the CLI's --json.
    public func encoded() throws -> Data { try APIDates.encoder.encode(self) }
}

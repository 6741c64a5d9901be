import Foundation
import RapportCore
import RapportOutreach

/// A scorecard as JSON: figures by group, the quality score with its parts, and activity apart.
public struct ScorecardDocument: Encodable, Sendable {
    public struct Quality: Encodable, Sendable {
        /// nil with `status` "not_enough_data".
        public var score: Int?
        public var status: String
        public var responses: Int
        public var needed: Int
        public var components: [String: Double]
        public var weights: [String: Double]
    }

    public struct NPS: Encodable, Sendable {
        public var score: Int?
        public var responses: Int
        public var promoters: Int
        public var detractors: Int
        public var sent: Int
        public var responseRate: Double?
        public var understoodAverage: Double?
    }

    public struct Responsiveness: Encodable, Sendable {
        public var judged: Int
        public var withinSLA: Int
        public var pending: Int
        public var shareWithinSLA: Double?
        public var medianHoursToAnswer: Double?
        public var overdueNow: Int
    }

    public struct Relevance: Encodable, Sendable {
        public var pitches: Int
        public var averageFit: Double?
        public var feedbackAnswers: Int
        public var markedRelevant: Int
        public var shareRelevant: Double?
        public var optOutsAfterPitch: Int
        public var gateOverrides: Int
    }

    public struct Relationship: Encodable, Sendable {
        public var firstPitches: Int
        public var discoveredFirst: Int
        public var discoveryBeforeFirstPitch: Double?
        public var presentations: Int
        public var openingsPresentedPerPlacement: Double?
        public var assignmentsEnded: Int
        public var redeployed: Int
        public var redeploymentRate: Double?
    }

    public struct Outcomes: Encodable, Sendable {
        public var placements: Int
        public var completedAssignments: Int
    }

    public struct Activity: Encodable, Sendable {
        public var note = "Reported apart: never part of the quality score or the ranking."
        public var emailsSent: Int
        public var contactsLogged: Int
        public var submissionsCreated: Int
    }

    public var subject: String
    public var id: Int64?
    public var name: String
    public var period: String
    public var asOf: Date
    public var quality: Quality
    public var nps: NPS
    public var responsiveness: Responsiveness
    public var relevance: Relevance
    public var relationship: Relationship
    public var outcomes: Outcomes
    public var activity: Activity

    public init(_ card: Scorecard, name: String) {
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

    public static func round(_ value: Double, places: Int = 1) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}

/// Every scorecard of a period, ranked by quality score.
public struct ScorecardReportDocument: Encodable, Sendable {
    public var period: String
    public var asOf: Date
    public var formula: String
    public var recruiters: [ScorecardDocument]
    public var practices: [ScorecardDocument]
    public var firm: ScorecardDocument

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
public struct MarketDocument: Encodable, Sendable {
    public struct Band: Encodable, Sendable {
        public var skillID: SkillID
        public var skill: String
        public var region: String
        public var month: String
        public var currency: String
        public var unit: String
        public var count: Int
        public var lowerQuartile: Int64
        public var median: Int64
        public var upperQuartile: Int64
    }

    public struct Balance: Encodable, Sendable {
        public var skillID: SkillID
        public var skill: String
        public var demand: Int
        public var supply: Int
        public var demandPerPerson: Double?
    }

    public struct PracticeBalance: Encodable, Sendable {
        public var practiceID: PracticeID
        public var practice: String
        public var demand: Int
        public var supply: Int
    }

    public var since: LocalDate
    public var note = "Pay in minor units of each region's own currency, never converted; from jobs posted and placements started."
    public var pay: [Band]
    public var skills: [Balance]
    public var practices: [PracticeBalance]

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

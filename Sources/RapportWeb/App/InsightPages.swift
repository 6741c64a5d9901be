import Foundation
import RapportCore
import RapportOutreach

/// Scorecards of a period, ranked by quality score alone, with the firm's NPS and responsiveness over six months.
struct ScorecardsPage: Sendable {
    struct Row: Sendable {
        var rank: String
        var name: String
        var quality: String
        var bar: String
        var nps: String
        var withinSLA: String
        var medianHours: String
        var overdue: Int
        var averageFit: String
        var relevant: String
        var discoveryFirst: String
        var placements: Int
    }

    struct Activity: Sendable {
        var name: String
        var emails: Int
        var calls: Int
        var submissions: Int
    }

    var layout: Layout
    var period: String
    var periods: [CandidatesPage.Option]
    var recruiters: [Row]
    var practices: [Row]
    var firm: Row
    var activity: [Activity]
    var formula: String
    var npsChart: String
    var slaChart: String

    /// The page for `requested`, or, without one, for the latest month in which anyone has enough answers for a score (the
    /// current month has few answers yet, and would show everyone as "not enough data").
    static func load(period requested: ScorecardPeriod?, context: RapportRequestContext, outreach: OutreachService) async throws -> ScorecardsPage {
        // The firm over the last six months: the trend charts, and where the page opens.
        var months: [ScorecardPeriod] = [.current(at: outreach.records.now())]
        while months.count < 6, let previous = months.first?.previous { months.insert(previous, at: 0) }
        var firmCards: [Scorecard] = []
        for month in months {
            firmCards.append(try await outreach.firmScorecard(period: month))
        }
        let enough = { (card: Scorecard) in card.nps.responses >= QualityScore.minimumResponses }
        var report = try await outreach.scorecards(period: requested ?? months[months.count - 1])
        if requested == nil {
            for month in months.reversed().dropFirst() where !(report.recruiters + report.practices).contains(where: { $0.card.quality.value != nil }) {
                let earlier = try await outreach.scorecards(period: month)
                if (earlier.recruiters + earlier.practices).contains(where: { $0.card.quality.value != nil }) { report = earlier }
            }
        }
        let period = report.period
        func row(_ named: ScorecardReport.Named, rank: Int?) -> Row {
            let card = named.card
            let key = "\(named.name)-\(card.period)".lowercased().filter { $0.isLetter || $0.isNumber }
            return Row(
                rank: rank.map(String.init) ?? "–", name: named.name,
                quality: card.quality.value.map(String.init) ?? "not enough data (\(card.nps.responses) of \(QualityScore.minimumResponses) answers)",
                bar: SVGChart.ScoreBar(id: "q-\(key)", title: "Quality score of \(named.name)", score: card.quality.value.map(Double.init),
                                       width: 160, height: 28).svg(),
                nps: card.nps.score.map { "\($0) (\(card.nps.responses))" } ?? "–",
                withinSLA: percent(card.responsiveness.shareWithinSLA), medianHours: card.responsiveness.medianHoursToAnswer.map { String(format: "%.1f h", $0) } ?? "–",
                overdue: card.responsiveness.overdueNow, averageFit: card.relevance.averageFit.map { String(format: "%.0f", $0) } ?? "–",
                relevant: percent(card.relevance.shareRelevant), discoveryFirst: percent(card.relationship.discoveryBeforeFirstPitch),
                placements: card.outcomes.placements)
        }
        var recruiters: [Row] = []
        var rank = 0
        for named in report.recruiters {
            if named.card.quality.value != nil { rank += 1 }
            recruiters.append(row(named, rank: named.card.quality.value == nil ? nil : rank))
        }
        rank = 0
        var practices: [Row] = []
        for named in report.practices {
            if named.card.quality.value != nil { rank += 1 }
            practices.append(row(named, rank: named.card.quality.value == nil ? nil : rank))
        }
        // A month with too few answers is a gap in the line, not a fall to whatever its two answers say.
        let nps = firmCards.map { card in enough(card) ? card.nps.score.map(Double.init) : nil }
        let sla = firmCards.map(\.responsiveness.shareWithinSLA)
        let labels = months.map(\.description)
        return ScorecardsPage(
            layout: Layout(title: "Scorecards", context: context, section: "scorecards"), period: period.description,
            periods: Self.choices(around: outreach.records.now(), selected: period),
            recruiters: recruiters, practices: practices, firm: row(.init(name: "Firm", card: report.firm), rank: nil),
            activity: report.recruiters.map {
                Activity(name: $0.name, emails: $0.card.activity.emailsSent, calls: $0.card.activity.contactsLogged,
                         submissions: $0.card.activity.submissionsCreated)
            },
            formula: QualityScore.formulaSummary,
            npsChart: SVGChart.LineChart(id: "nps", title: "Candidate NPS by month", xLabels: labels,
                                         series: [.init(name: "Firm NPS", values: nps)], yDomain: -100...100).figureHTML(),
            slaChart: SVGChart.LineChart(id: "sla", title: "Replies answered within the SLA", xLabels: labels,
                                         series: [.init(name: "Within SLA", values: sla)], format: .percent, yDomain: 0...1).figureHTML())
    }

    /// The last six months and the last two quarters.
    static func choices(around now: Date, selected: ScorecardPeriod) -> [CandidatesPage.Option] {
        var periods: [ScorecardPeriod] = [.current(at: now)]
        while periods.count < 6, let previous = periods.last?.previous { periods.append(previous) }
        let month = YearMonth(LocalDate(now, in: .gmt))
        let quarter = (month.month - 1) / 3 + 1
        if let this = ScorecardPeriod(year: month.year, quarter: quarter) {
            periods.append(this)
            if let last = this.previous { periods.append(last) }
        }
        if !periods.contains(selected) { periods.append(selected) }
        return periods.map { CandidatesPage.Option(value: $0.description, label: $0.description, selected: $0 == selected) }
    }

    static func percent(_ share: Double?) -> String {
        share.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }
}

/// Pay trends and demand against supply.
struct InsightsPage: Sendable {
    struct Balance: Sendable {
        var name: String
        var demand: Int
        var supply: Int
    }

    var layout: Layout
    var skill: String
    var skills: [CandidatesPage.Option]
    var payChart: String
    var demandChart: String
    var practices: [Balance]
    var since: String

    static func load(skill requested: String?, context: RapportRequestContext, outreach: OutreachService) async throws -> InsightsPage {
        let report = try await outreach.market(months: 6)
        let busiest = report.skills.prefix(12)
        let chosenID = requested.flatMap { name in report.skillNames.first { $0.value.caseInsensitiveCompare(name) == .orderedSame }?.key }
            ?? busiest.first?.skillID
        let name = chosenID.flatMap { report.skillNames[$0] } ?? "–"
        // The median pay of the skill per month, one line per region and unit, each in its own currency.
        let bands = report.payBands.filter { $0.skillID == chosenID }
        let months = Array(Set(bands.map(\.month))).sorted()
        var series: [SVGChart.Series] = []
        var currencies: Set<String> = []
        for key in Set(bands.map { "\($0.region.rawValue) \($0.currency.rawValue) per \($0.unit.rawValue)" }).sorted() {
            let line = months.map { month in
                // A month whose median rests on too few rates is a gap in the line, not a point.
                bands.first { "\($0.region.rawValue) \($0.currency.rawValue) per \($0.unit.rawValue)" == key && $0.month == month && $0.showsMedian }
                    .map { Double($0.median.minorUnits) / Double($0.currency.minorUnitsPerMajor) }
            }
            series.append(.init(name: key, values: line))
            currencies.insert(String(key.split(separator: " ")[1]))
        }
        // One currency on the axis when there is one; otherwise plain numbers, with each line naming its own.
        let format: SVGChart.ValueFormat = currencies.count == 1 ? .currency(code: currencies.first ?? "") : .number
        // Day rates and yearly salaries do not share an axis: show the unit with the most observations.
        let unit = Dictionary(grouping: bands, by: \.unit).max { $0.value.count < $1.value.count }?.key
        let shown = series.filter { line in unit.map { line.name.hasSuffix("per \($0.rawValue)") } ?? true }
        return InsightsPage(
            layout: Layout(title: "Market insights", context: context, section: "insights"), skill: name,
            skills: busiest.map {
                CandidatesPage.Option(value: report.skillNames[$0.skillID] ?? "", label: report.skillNames[$0.skillID] ?? "",
                                      selected: $0.skillID == chosenID)
            },
            payChart: SVGChart.LineChart(id: "pay", title: "Median pay for \(name) by month", xLabels: months.map(\.description),
                                         series: shown, format: format).figureHTML(),
            demandChart: SVGChart.BarChart(id: "demand", title: "Open jobs against available people, by skill",
                                           seriesNames: ["Open jobs", "Available people"],
                                           categories: busiest.map {
                                               .init(label: report.skillNames[$0.skillID] ?? "", values: [Double($0.demand), Double($0.supply)])
                                           }, categoryTitle: "Skill").figureHTML(),
            practices: report.practices.map { Balance(name: $0.name, demand: $0.demand, supply: $0.supply) },
            since: report.since.description)
    }
}

import ArgumentParser
import Foundation
import RapportAPI
import RapportCore
import RapportMatch
import RapportOutreach
import RapportSQLite
import RapportWeb

struct ScorecardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Print the quality scorecards of a month or quarter: recruiters and practices ranked by quality score.",
        discussion: """
            The quality score (0-100) weighs candidate NPS 40%, replies answered within the SLA 25%, relevance 25% and \
            discovery before the first pitch 10%; nobody gets a score with fewer than 15 survey answers in the period. \
            Activity (e-mails, logged calls, submissions) is printed apart and never enters the score or the ranking.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("A month (2026-10) or a quarter (2026-Q4); default the current month.", valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("Only this practice and its members.", valueName: "id"))
    var practice: Int64?

    @Flag(help: "Print the scorecards as JSON, as the API serves them.")
    var json = false

    func validate() throws {
        if let period, ScorecardPeriod(period) == nil {
            throw ValidationError("--period must be a month (2026-10) or a quarter (2026-Q4), got \(period)")
        }
        if let practice, practice <= 0 { throw ValidationError("--practice must be a positive id, got \(practice)") }
    }

    func run() async throws {
        let service = try InsightCommands.service(database)
        let chosen = period.flatMap(ScorecardPeriod.init) ?? .current(at: Date())
        let report: ScorecardReport
        do {
            report = try await service.scorecards(period: chosen, practice: practice.map { PracticeID($0) })
        } catch RapportError.invalid(let issues) {
            throw CLIError(issues.map { "--practice \(practice.map(String.init) ?? ""): \($0.message)" }.joined(separator: "; "))
        }
        if json {
            print(String(decoding: try ScorecardReportDocument(report).encoded(), as: UTF8.self))
            return
        }
        print("Scorecards for \(report.period) (as of \(report.asOf.formatted(.iso8601)))\n")
        print("Recruiters, ranked by quality score:")
        print(Self.table(report.recruiters))
        print("\nPractices:")
        print(Self.table(report.practices))
        print("\nFirm:")
        print(Self.table([ScorecardReport.Named(name: "Firm", card: report.firm)]))
        print("\nActivity (reported apart; never scored or ranked):")
        var activity = [["Who", "E-mails", "Calls logged", "Submissions"]]
        for named in report.recruiters {
            activity.append([named.name, "\(named.card.activity.emailsSent)", "\(named.card.activity.contactsLogged)",
                             "\(named.card.activity.submissionsCreated)"])
        }
        print(TextTable.render(activity))
        print("\n" + QualityScore.formulaSummary)
    }

    static func table(_ cards: [ScorecardReport.Named]) -> String {
        var rows = [["#", "Name", "Quality", "NPS (n, rate)", "In SLA", "Median h", "Overdue", "Avg fit", "Relevant", "Opt-outs",
                     "Overrides", "Disc. first", "Pres./place.", "Redeployed", "Placed", "Completed"]]
        for (index, named) in cards.enumerated() {
            let card = named.card
            let quality: String = switch card.quality {
            case .scored(let value, _, _): "\(value)"
            case .notEnoughData(let responses, let needed): "n/a (\(responses)/\(needed))"
            }
            rows.append([
                card.quality.value == nil ? "-" : "\(index + 1)", named.name, quality,
                "\(card.nps.score.map(String.init) ?? "-") (\(card.nps.responses), \(percent(card.nps.responseRate)))",
                percent(card.responsiveness.shareWithinSLA), number(card.responsiveness.medianHoursToAnswer), "\(card.responsiveness.overdueNow)",
                number(card.relevance.averageFit), percent(card.relevance.shareRelevant), "\(card.relevance.optOuts)",
                "\(card.relevance.gateOverrides)", percent(card.relationship.discoveryBeforeFirstPitch),
                number(card.relationship.openingsPresentedPerPlacement), percent(card.relationship.redeploymentRate),
                "\(card.outcomes.placements)", "\(card.outcomes.completedAssignments)",
            ])
        }
        return TextTable.render(rows)
    }

    static func percent(_ share: Double?) -> String { share.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }
    static func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "-" }
}

struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Print market insights: pay by skill, region and month, and demand against supply by skill and practice.",
        discussion: """
            Pay comes from jobs posted (the middle of their band) and placements started (the pay rate), in each region's \
            own currency and per hour, day or year, never converted. Demand is open jobs; supply is available candidates \
            (active or passive) with the skill at level 3 or above.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Months of pay history, 1 to 24.")
    var months = 6

    @Option(help: ArgumentHelp("Only pay for this skill (its name, as in the taxonomy).", valueName: "name"))
    var skill: String?

    @Option(help: "Rows in the pay and demand tables.")
    var limit = 30

    @Flag(help: "Print the insights as JSON, as the API serves them.")
    var json = false

    func validate() throws {
        guard (1...24).contains(months) else { throw ValidationError("--months must be from 1 to 24 (got \(months))") }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000 (got \(limit))") }
    }

    func run() async throws {
        let service = try InsightCommands.service(database)
        var report = try await service.market(months: months)
        if let skill {
            guard let id = report.skillNames.first(where: { $0.value.caseInsensitiveCompare(skill) == .orderedSame })?.key else {
                throw CLIError("--skill \(skill): no skill of that name in the taxonomy")
            }
            report.payBands = report.payBands.filter { $0.skillID == id }
            report.skills = report.skills.filter { $0.skillID == id }
        }
        if json {
            print(String(decoding: try MarketDocument(report, skillLimit: limit).encoded(), as: UTF8.self))
            return
        }
        let name = { (id: SkillID) in report.skillNames[id] ?? "skill \(id)" }
        print("Pay since \(report.since) (median and quartiles; each region in its own currency):")
        // The skills in most demand first, so the table shows pay where it matters.
        let order = Dictionary(uniqueKeysWithValues: report.skills.enumerated().map { ($0.element.skillID, $0.offset) })
        let bands = report.payBands.sorted {
            (order[$0.skillID] ?? .max, $0.skillID, $0.region.rawValue, $0.unit.rawValue, $1.month)
                < (order[$1.skillID] ?? .max, $1.skillID, $1.region.rawValue, $1.unit.rawValue, $0.month)
        }
        var pay = [["Skill", "Region", "Month", "Per", "n", "Lower q.", "Median", "Upper q."]]
        for band in bands.prefix(limit) {
            pay.append([name(band.skillID), band.region.rawValue, band.month.description, band.unit.rawValue, "\(band.count)",
                        Self.money(band.lowerQuartile), Self.money(band.median), Self.money(band.upperQuartile)])
        }
        print(TextTable.render(pay))
        print("\nDemand (open jobs) against supply (available candidates at level 3+), by skill:")
        var balance = [["Skill", "Open jobs", "Available", "Jobs per person"]]
        for skill in report.skills.prefix(limit) {
            balance.append([name(skill.skillID), "\(skill.demand)", "\(skill.supply)", skill.demandPerPerson.map { String(format: "%.2f", $0) } ?? "-"])
        }
        print(TextTable.render(balance))
        print("\nBy practice:")
        var practices = [["Practice", "Open jobs", "Available"]]
        for practice in report.practices { practices.append([practice.name, "\(practice.demand)", "\(practice.supply)"]) }
        print(TextTable.render(practices))
    }

    static func money(_ money: Money) -> String {
        let major = Double(money.minorUnits) / Double(money.currency.minorUnitsPerMajor)
        return "\(money.currency.rawValue) \(major.formatted(.number.precision(.fractionLength(0))))"
    }
}

enum InsightCommands {
    /// The outreach service over the database given, for reading; no match index is loaded because nothing here matches.
    static func service(_ database: DatabaseOptions) throws -> OutreachService {
        guard FileManager.default.fileExists(atPath: database.db) else {
            throw CLIError("\(database.db) does not exist; create the demo firm with `rapport demo --db \(database.db)`")
        }
        let store = try database.open()
        let records = FirmRecords(store: store)
        return OutreachService(records: records, matching: MatchService(store: store, today: { records.today }), settings: OutreachSettings())
    }
}

/// Plain text tables with aligned columns.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        var lines: [String] = []
        for (number, row) in rows.enumerated() {
            lines.append(row.enumerated().map { index, cell in
                cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if number == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }
}

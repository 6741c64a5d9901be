import Foundation
import RapportCore
import Testing

@testable import RapportMatch

@Suite("Match settings file")
struct MatchSettingsTests {
    private func load(_ json: String) throws -> MatchSettings {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("match-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try MatchSettings.load(contentsOf: url)
    }

    @Test("fields left out keep their defaults")
    func defaults() throws {
        let settings = try load(#"{"weights": {"mustHave": 45, "niceToHave": 10}, "poolFactor": 8}"#)
        #expect(settings.weights.mustHave == 45)
        #expect(settings.weights.recency == 10)
        #expect(settings.rates == .standard)
        #expect(settings.poolFactor == 8)
    }

    @Test("a file that breaks a rule is refused with the field named", arguments: [
        (#"{"weights": {"mustHave": 50}}"#, "weights.mustHave"),
        (#"{"weights": {"relatedCredit": 1.5}}"#, "weights.relatedCredit"),
        (#"{"rates": {"asOf": "2026-11-01", "perUSD": {"USD": 1, "GBP": 0.8, "NZD": 1.7}}}"#, "rates.perUSD.HKD"),
        (#"{"rates": {"perUSD": {"USD": 1}}}"#, "rates.asOf"),
        (#"{"poolFactor": 0}"#, "poolFactor"),
        (#"{"poolFactor": "four"}"#, "poolFactor"),
    ])
    func refused(json: String, field: String) throws {
        do {
            _ = try load(json)
            Issue.record("\(json) was accepted")
        } catch RapportError.invalid(let issues) {
            #expect(issues.first?.field == field)
        }
    }
}

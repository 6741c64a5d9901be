import Foundation
import RapportCore

/// The firm's matching settings: score weights, the dated exchange-rate table and how many candidates to re-score.
///
/// Read from a JSON file by `rapport serve --match-config FILE`; every field is optional and defaults as below.
public struct MatchSettings: Codable, Equatable, Sendable {
    public var weights = FitWeights()
    public var rates = ExchangeRates.standard
    /// How many index hits per requested result get the full score before the final ranking (see MATCHING.md).
    public var poolFactor = 4

    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weights = try container.decodeIfPresent(FitWeights.self, forKey: .weights) ?? FitWeights()
        rates = try container.decodeIfPresent(ExchangeRates.self, forKey: .rates) ?? .standard
        poolFactor = try container.decodeIfPresent(Int.self, forKey: .poolFactor) ?? 4
    }

    /// Reads and checks a settings file, naming the field at fault.
    public static func load(contentsOf url: URL) throws -> MatchSettings {
        let data = try Data(contentsOf: url)
        let settings: MatchSettings
        do {
            settings = try JSONDecoder().decode(MatchSettings.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw RapportError.invalid(field: (context.codingPath + [key]).map(\.stringValue).joined(separator: "."),
                                       "is required")
        } catch let DecodingError.valueNotFound(_, context) {
            throw RapportError.invalid(field: context.codingPath.map(\.stringValue).joined(separator: "."), "must not be null")
        } catch let DecodingError.typeMismatch(_, context) {
            throw RapportError.invalid(field: context.codingPath.map(\.stringValue).joined(separator: "."),
                                       "has the wrong type: \(context.debugDescription)")
        } catch let DecodingError.dataCorrupted(context) {
            throw RapportError.invalid(field: context.codingPath.map(\.stringValue).joined(separator: "."),
                                       context.debugDescription)
        }
        try settings.validate()
        return settings
    }

    public func validate() throws {
        try weights.validate()
        try rates.validate()
        if !(1...50).contains(poolFactor) {
            throw RapportError.invalid(field: "poolFactor", "must be between 1 and 50")
        }
    }
}

import Foundation

/// Where a remote job can be done from, as postings say it ("remote, anywhere", "remote within the EU", "remote,
/// US time zones with four hours' overlap"), and whether the client can engage contractors in other countries.
/// schema.org says the same with `jobLocationType: TELECOMMUTE` and `applicantLocationRequirements`.
public struct RemoteScope: Hashable, Sendable {
    public enum Area: String, CaseIterable, Codable, Sendable {
        /// From any country.
        case anywhere
        /// From the countries listed.
        case countries
        /// From anywhere whose working day overlaps the listed time zones' by at least `overlapHours`.
        case timeZones = "time_zones"
    }

    public var area: Area
    /// ISO 3166-1 alpha-2 codes; only for `.countries`.
    public var countries: [String]
    /// IANA time zones; only for `.timeZones`.
    public var timeZones: [String]
    /// Hours of the working day shared with one of `timeZones`; only for `.timeZones`.
    public var overlapHours: Int?
    /// The client can engage a contractor abroad (through their own company or an employer of record), so local
    /// work rights are not asked for.
    public var engagesContractorsAbroad: Bool

    public init(area: Area, countries: [String] = [], timeZones: [String] = [], overlapHours: Int? = nil,
                engagesContractorsAbroad: Bool = false) {
        self.area = area
        self.countries = countries
        self.timeZones = timeZones
        self.overlapHours = overlapHours
        self.engagesContractorsAbroad = engagesContractorsAbroad
    }

    public static let anywhere = RemoteScope(area: .anywhere)

    public static func countries(_ codes: [String], contractorsAbroad: Bool = false) -> RemoteScope {
        RemoteScope(area: .countries, countries: codes, engagesContractorsAbroad: contractorsAbroad)
    }

    public static func timeZones(_ zones: [String], overlapHours: Int, contractorsAbroad: Bool = false) -> RemoteScope {
        RemoteScope(area: .timeZones, timeZones: zones, overlapHours: overlapHours, engagesContractorsAbroad: contractorsAbroad)
    }

    func validate(_ validator: inout Validator) {
        switch area {
        case .anywhere:
            break
        case .countries:
            if countries.isEmpty { validator.fail("countries", "must name at least one country when area is countries") }
            if countries.count > 250 { validator.fail("countries", "must have at most 250 entries") }
            for (index, code) in countries.enumerated() { validator.country("countries[\(index)]", code) }
            if Set(countries).count != countries.count { validator.fail("countries", "must not repeat a country") }
        case .timeZones:
            if timeZones.isEmpty { validator.fail("timeZones", "must name at least one time zone when area is time_zones") }
            if timeZones.count > 40 { validator.fail("timeZones", "must have at most 40 entries") }
            for (index, zone) in timeZones.enumerated() { validator.timeZone("timeZones[\(index)]", zone) }
            if let overlapHours {
                validator.range("overlapHours", overlapHours, 1...12, "must be from 1 to 12 hours")
            } else {
                validator.fail("overlapHours", "is required when area is time_zones: the hours of the working day shared")
            }
        }
        if area != .countries && !countries.isEmpty { validator.fail("countries", "is only allowed when area is countries") }
        if area != .timeZones && !timeZones.isEmpty { validator.fail("timeZones", "is only allowed when area is time_zones") }
        if area != .timeZones && overlapHours != nil { validator.fail("overlapHours", "is only allowed when area is time_zones") }
    }
}

extension RemoteScope {
    /// Where the job can be done from, in words: "from anywhere", "from the United Kingdom or Ireland",
    /// "with 4 hours' overlap with Europe/London"; and "contractors abroad welcome" when they are.
    public var phrase: String {
        let place = switch area {
        case .anywhere: "from anywhere"
        case .countries: "from " + Self.list(countries.map(Country.name))
        case .timeZones: "with \(overlapHours ?? 0) hours' overlap with " + Self.list(timeZones)
        }
        return engagesContractorsAbroad ? place + ", contractors abroad welcome" : place
    }

    private static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        if names.count > 4 { return names.prefix(3).joined(separator: ", ") + " or \(names.count - 3) more" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}

import Foundation
import RapportText

/// The time zones of each country, from the tz database's `zone.tab` (public domain, shipped by Debian's tzdata), to
/// place a person whose résumé gives a country and a city but no time zone.
public struct CountryTimeZones: Sendable {
    /// Country code → its zones in the file's order.
    let zones: [String: [String]]
    /// Country code → the last part of each zone's name in lower case ("melbourne", "new_york") → the zone, the first
    /// of the file's when two share it.
    let cities: [String: [String: String]]

    static let system = CountryTimeZones(path: "/usr/share/zoneinfo/zone.tab")

    /// Every zone name worth offering: the system's known identifiers, the tz database's zones by country (Linux's
    /// list lacks some, such as Asia/Kolkata), UTC and GMT; each one `TimeZone(identifier:)` accepts.
    public static let names: [String] = {
        let all = Set(TimeZone.knownTimeZoneIdentifiers).union(system.zones.values.joined()).union(["UTC", "GMT"])
        return all.filter { TimeZone(identifier: $0) != nil }.sorted()
    }()

    init(path: String) {
        var zones: [String: [String]] = [:]
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                guard fields.count >= 3 else { continue }
                zones[String(fields[0]), default: []].append(String(fields[2]))
            }
        }
        self.zones = zones
        cities = zones.mapValues { names in
            var byCity: [String: String] = [:]
            for name in names {
                let city = name.split(separator: "/").last.map { $0.lowercased() } ?? ""
                if byCity[city] == nil { byCity[city] = name }
            }
            return byCity
        }
    }

    /// The zone named for `city` ("Melbourne" → Australia/Melbourne), a US or Australian state's zone, or the
    /// country's only zone; nil when the country has several and nothing says which.
    func zone(country: String, city: String?, state: String? = nil) -> String? {
        guard let candidates = zones[country], !candidates.isEmpty else { return nil }
        if let city, let named = cities[country]?[String(city.lowercased().map { $0 == " " ? "_" : $0 })] { return named }
        if let state = state?.lowercased().trimmedSpaces, !state.isEmpty {
            let table = country == "US" ? Self.usStates : country == "AU" ? Self.australianStates : []
            if let row = table.first(where: { $0.names.contains(state) }) { return row.zone }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Whether `state` is the name or postal code of a US or Australian state.
    static func isState(_ state: String, of country: String) -> Bool {
        let wanted = state.lowercased().trimmedSpaces
        return (country == "US" ? usStates : country == "AU" ? australianStates : []).contains { $0.names.contains(wanted) }
    }

    /// Each US state's main zone (where most of its people live), by name and postal code.
    private static let usStates: [(names: Set<String>, zone: String)] = [
        ("America/New_York", "connecticut ct, delaware de, district of columbia dc, florida fl, georgia ga, maine me, maryland md, "
            + "massachusetts ma, michigan mi, new hampshire nh, new jersey nj, new york ny, north carolina nc, ohio oh, pennsylvania pa, "
            + "rhode island ri, south carolina sc, vermont vt, virginia va, west virginia wv, indiana in, kentucky ky"),
        ("America/Chicago", "alabama al, arkansas ar, illinois il, iowa ia, kansas ks, louisiana la, minnesota mn, mississippi ms, "
            + "missouri mo, nebraska ne, north dakota nd, oklahoma ok, south dakota sd, tennessee tn, texas tx, wisconsin wi"),
        ("America/Denver", "colorado co, idaho id, montana mt, new mexico nm, utah ut, wyoming wy"),
        ("America/Phoenix", "arizona az"),
        ("America/Los_Angeles", "california ca, nevada nv, oregon or, washington wa"),
        ("America/Anchorage", "alaska ak"),
        ("Pacific/Honolulu", "hawaii hi"),
    ].map { zone, names in (Self.names(names), zone) }

    private static let australianStates: [(names: Set<String>, zone: String)] = [
        ("Australia/Sydney", "new south wales nsw, australian capital territory act"), ("Australia/Melbourne", "victoria vic"),
        ("Australia/Brisbane", "queensland qld"), ("Australia/Adelaide", "south australia sa"), ("Australia/Perth", "western australia wa"),
        ("Australia/Hobart", "tasmania tas"), ("Australia/Darwin", "northern territory nt"),
    ].map { zone, names in (Self.names(names), zone) }

    /// "new york ny, ohio oh" → every name and its code ("new york", "ny", "ohio", "oh"): the last word is the code.
    private static func names(_ list: String) -> Set<String> {
        var names: Set<String> = []
        for entry in list.split(separator: ",") {
            let words = entry.split(separator: " ")
            names.insert(words.dropLast().joined(separator: " "))
            names.insert(String(words.last!))
        }
        return names
    }
}

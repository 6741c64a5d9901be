import Foundation
import GRDB
import RapportCore

enum CandidateRows {
    static let insertSQL = """
        INSERT INTO candidate (id, name, email, phone, city, country, time_zone, region, remote_preference,
            open_to_relocation, headline, summary, availability, available_until, do_not_contact, owner_id,
            home_practice_id, source_kind, referrer_id, details, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let insertSkillSQL = """
        INSERT INTO candidate_skill (candidate_id, skill_id, level, years, last_used, wants_to_grow, position)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(id: Int64?, _ profile: CandidateProfile, details: String, createdAt: Date, updatedAt: Date, version: Int) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = [id]
        values += columnValues(profile, details: details)
        values += [StoredTime.milliseconds(createdAt), StoredTime.milliseconds(updatedAt), version]
        return StatementArguments(values)
    }

    /// The candidate columns from `name` to `details`, in table order.
    static func columnValues(_ profile: CandidateProfile, details: String) -> [(any DatabaseValueConvertible)?] {
        var values: [(any DatabaseValueConvertible)?] = []
        values.append(profile.name)
        values.append(profile.email)
        values.append(profile.phone)
        values.append(StoredCity.column(profile.location.city))
        values.append(profile.location.country)
        values.append(profile.timeZone)
        values.append(profile.region.rawValue)
        values.append(profile.remotePreference.rawValue)
        values.append(profile.openToRelocation)
        values.append(profile.headline)
        values.append(profile.summary)
        values.append(profile.availability.status.rawValue)
        values.append(profile.availability.until?.description)
        values.append(profile.contactPreferences.doNotContact)
        values.append(profile.ownerID?.rawValue)
        values.append(profile.homePracticeID?.rawValue)
        values.append(profile.source.kind.rawValue)
        values.append(profile.source.referrerID?.rawValue)
        values.append(details)
        return values
    }

    static func skillArguments(candidateID: Int64, _ skill: CandidateSkill, position: Int) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            candidateID, skill.skillID.rawValue, skill.level, skill.years, skill.lastUsed, skill.wantsToGrow, position,
        ]
        return StatementArguments(values)
    }

    static func insertSkills(_ db: Database, candidateID: Int64, _ skills: [CandidateSkill]) throws {
        let statement = try db.cachedStatement(sql: insertSkillSQL)
        for (position, skill) in skills.enumerated() {
            try statement.execute(arguments: skillArguments(candidateID: candidateID, skill, position: position))
        }
    }

    /// Builds candidates from `candidate` rows, reading all their skills in one query.
    static func candidates(_ db: Database, rows: [Row]) throws -> [Candidate] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = rows.map { $0["id"] }
        var skills: [Int64: [CandidateSkill]] = [:]
        let skillRows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT candidate_id, skill_id, level, years, last_used, wants_to_grow FROM candidate_skill
            WHERE candidate_id IN (SELECT value FROM json_each(?)) ORDER BY candidate_id, position
            """), arguments: [Database.jsonArray(ids)])
        while let row = try skillRows.next() {
            let skillID: Int64 = row["skill_id"]
            let skill = CandidateSkill(
                skillID: SkillID(skillID), level: row["level"], years: row["years"],
                lastUsed: row["last_used"], wantsToGrow: row["wants_to_grow"])
            skills[row["candidate_id"], default: []].append(skill)
        }
        let decoder = JSONDecoder()
        return try rows.map { row in try candidate(row, skills: skills, decoder: decoder) }
    }

    private static func candidate(_ row: Row, skills: [Int64: [CandidateSkill]], decoder: JSONDecoder) throws -> Candidate {
        let id: Int64 = row["id"]
        let details = try decoder.decode(CandidateDetailsDocument.self, from: Data((row["details"] as String).utf8))
        let until: String? = row["available_until"]
        let referrer: Int64? = row["referrer_id"]
        let owner: Int64? = row["owner_id"]
        let practice: Int64? = row["home_practice_id"]
        let status = Availability.Status(rawValue: row["availability"])!
        let availability = Availability(status: status, until: until.flatMap { LocalDate($0) })
        let kind = CandidateSource.Kind(rawValue: row["source_kind"])!
        let source = CandidateSource(kind: kind, referrerID: referrer.map { CandidateID($0) })
        let location = Location(city: StoredCity.city(row["city"]), country: row["country"])
        let region = Region(rawValue: row["region"])!
        let remote = RemotePreference(rawValue: row["remote_preference"])!
        var profile = CandidateProfile(name: row["name"], email: row["email"], location: location, timeZone: row["time_zone"], region: region)
        profile.phone = row["phone"]
        try details.apply(to: &profile)
        profile.remotePreference = remote
        profile.openToRelocation = row["open_to_relocation"]
        profile.headline = row["headline"]
        profile.summary = row["summary"]
        profile.skills = skills[id] ?? []
        profile.availability = availability
        profile.ownerID = owner.map { UserID($0) }
        profile.homePracticeID = practice.map { PracticeID($0) }
        profile.source = source
        return Candidate(id: CandidateID(id), version: row["version"], createdAt: StoredTime.date(row["created_at"]), updatedAt: StoredTime.date(row["updated_at"]), profile: profile)
    }
}

/// The `city` columns are NOT NULL from the first schema; a city nobody stated is stored as '' and read back as nil,
/// so no city filter (`city = ?` with a real name) ever finds it.
enum StoredCity {
    static func column(_ city: String?) -> String { city ?? "" }

    static func city(_ column: String) -> String? { column.isEmpty ? nil : column }
}

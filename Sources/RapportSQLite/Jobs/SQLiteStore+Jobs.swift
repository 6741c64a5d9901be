import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func createClient(_ details: ClientDetails) async throws -> Client {
        try await write { db in
            try Self.checkClientNameIsFree(db, details.name, except: nil)
            try db.execute(sql: "INSERT INTO client (name, industry, region, website, notes, version) VALUES (?, ?, ?, ?, ?, 1)",
                           arguments: [details.name, details.industry, details.region.rawValue, details.website, details.notes])
            return Client(id: ClientID(db.lastInsertedRowID), version: 1, details: details)
        }
    }

    public func client(_ id: ClientID) async throws -> Client {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM client WHERE id = ?", arguments: [id.rawValue]) else {
                throw RapportError.notFound(entity: "client", id: id.description)
            }
            return Self.client(row)
        }
    }

    public func updateClient(_ id: ClientID, expectedVersion: Int, _ details: ClientDetails) async throws -> Client {
        try await write { db in
            try db.checkVersion(table: "client", entity: "client", id: id.rawValue, expected: expectedVersion)
            try Self.checkClientNameIsFree(db, details.name, except: id)
            try db.execute(sql: """
                UPDATE client SET name = ?, industry = ?, region = ?, website = ?, notes = ?, version = version + 1 WHERE id = ?
                """, arguments: [details.name, details.industry, details.region.rawValue, details.website, details.notes, id.rawValue])
            return Client(id: id, version: expectedVersion + 1, details: details)
        }
    }

    public func deleteClient(_ id: ClientID) async throws {
        try await write { db in
            try db.requireRow(table: "client", entity: "client", id: id.rawValue)
            let jobs = try Int.fetchOne(db, sql: "SELECT count(*) FROM job WHERE client_id = ?", arguments: [id.rawValue]) ?? 0
            if jobs > 0 {
                throw RapportError.inUse(entity: "client", message: "client \(id) still has \(jobs) job(s); delete or move them first")
            }
            try db.execute(sql: "DELETE FROM client WHERE id = ?", arguments: [id.rawValue])
        }
    }

    public func clients(page: PageRequest) async throws -> Page<Client> {
        try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM client") ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM client WHERE id > ? ORDER BY id LIMIT ?", arguments: [page.after ?? 0, page.limit + 1])
            return makePage(rows.map(Self.client), limit: page.limit, total: total) { $0.id.rawValue }
        }
    }

    public func createJob(_ details: JobDetails, at now: Date) async throws -> Job {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            try db.checkReferences(details.references)
            let id = try JobRows.insert(db, id: nil, details, createdAt: now, updatedAt: now, version: 1)
            return Job(id: JobID(id), version: 1, createdAt: now, updatedAt: now, details: details)
        }
    }

    public func client(name: String) async throws -> Client? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM client WHERE name = ?", arguments: [name]).map(Self.client)
        }
    }

    public func applyJobChanges(_ changes: [JobChange], provenance: ImportProvenance?, at now: Date) async throws -> [Job] {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            // Clients new to the firm, created once each however many jobs name them.
            var newClients: [String: ClientID] = [:]
            var stored: [Job] = []
            for change in changes {
                var details = change.details
                if let client = change.newClient {
                    if let id = newClients[client.name.lowercased()] {
                        details.clientID = id
                    } else {
                        try Self.checkClientNameIsFree(db, client.name, except: nil)
                        try db.execute(sql: "INSERT INTO client (name, industry, region, website, notes, version) VALUES (?, ?, ?, ?, ?, 1)",
                                       arguments: [client.name, client.industry, client.region.rawValue, client.website, client.notes])
                        details.clientID = ClientID(db.lastInsertedRowID)
                        newClients[client.name.lowercased()] = details.clientID
                    }
                }
                try db.checkReferences(details.references)
                switch change.kind {
                case .create:
                    let id = try JobRows.insert(db, id: nil, details, createdAt: now, updatedAt: now, version: 1)
                    stored.append(Job(id: JobID(id), version: 1, createdAt: now, updatedAt: now, details: details))
                case .update(let id, let version):
                    stored.append(try Self.updateJobRow(db, id, expectedVersion: version, details, at: now))
                }
            }
            if let provenance {
                let run = try Self.insertImportRun(db, provenance, at: now)
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO job_import (job_id, run_id, record, outcome, source_reference) VALUES (?, ?, ?, ?, ?)
                    """)
                for (index, (change, job)) in zip(changes, stored).enumerated() {
                    let outcome: ImportedRecord.Outcome = change.kind == .create ? .created : .updated
                    let record = index < provenance.records.count ? provenance.records[index] : index + 1
                    try statement.execute(arguments: [job.id.rawValue, run, record, outcome.rawValue, change.sourceReference])
                }
            }
            return stored
        }
    }

    public func job(sourceReference: String) async throws -> Job? {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM job WHERE id = (SELECT job_id FROM job_import WHERE source_reference = ? ORDER BY run_id DESC LIMIT 1)
                """, arguments: [sourceReference])
            return try JobRows.jobs(db, rows: rows).first
        }
    }

    public func importHistory(job id: JobID) async throws -> [ImportedRecord] {
        try await read { db in try Self.importHistory(db, table: "job_import", column: "job_id", id: id.rawValue) }
    }

    public func job(_ id: JobID) async throws -> Job {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM job WHERE id = ?", arguments: [id.rawValue])
            guard let job = try JobRows.jobs(db, rows: rows).first else {
                throw RapportError.notFound(entity: "job", id: id.description)
            }
            return job
        }
    }

    public func updateJob(_ id: JobID, expectedVersion: Int, _ details: JobDetails, at now: Date) async throws -> Job {
        let now = now.truncatedToMilliseconds
        return try await write { db in
            try db.checkReferences(details.references)
            return try Self.updateJobRow(db, id, expectedVersion: expectedVersion, details, at: now)
        }
    }

    /// Replaces a job's row, skills and owners after checking its version; shared by single and batch writes.
    private static func updateJobRow(_ db: Database, _ id: JobID, expectedVersion: Int, _ details: JobDetails, at now: Date) throws -> Job {
        try db.checkVersion(table: "job", entity: "job", id: id.rawValue, expected: expectedVersion)
        let createdAt = StoredTime.date(try Int64.fetchOne(db, sql: "SELECT created_at FROM job WHERE id = ?", arguments: [id.rawValue])!)
        try db.execute(sql: "DELETE FROM job_skill WHERE job_id = ?", arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM job_owner WHERE job_id = ?", arguments: [id.rawValue])
        try JobRows.update(db, id: id.rawValue, details, updatedAt: now)
        return Job(id: id, version: expectedVersion + 1, createdAt: createdAt, updatedAt: now, details: details)
    }

    public func deleteJob(_ id: JobID) async throws {
        try await write { db in
            try db.requireRow(table: "job", entity: "job", id: id.rawValue)
            try db.execute(sql: "DELETE FROM job WHERE id = ?", arguments: [id.rawValue])
        }
    }

    public func jobs(_ query: JobQuery, page: PageRequest) async throws -> Page<Job> {
        var clauses = ["1"]
        var arguments: StatementArguments = []
        if let status = query.status { clauses.append("status = ?"); arguments += [status.rawValue] }
        if let client = query.clientID { clauses.append("client_id = ?"); arguments += [client.rawValue] }
        if let practice = query.practiceID { clauses.append("practice_id = ?"); arguments += [practice.rawValue] }
        if let region = query.region { clauses.append("region = ?"); arguments += [region.rawValue] }
        let condition = clauses.joined(separator: " AND ")
        return try await read { [arguments] db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM job WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM job WHERE \(condition) AND id > ? ORDER BY id LIMIT ?",
                                        arguments: arguments + [page.after ?? 0, page.limit + 1])
            return makePage(try JobRows.jobs(db, rows: rows), limit: page.limit, total: total) { $0.id.rawValue }
        }
    }

    static func client(_ row: Row) -> Client {
        Client(id: ClientID(row["id"] as Int64), version: row["version"], details: ClientDetails(
            name: row["name"], industry: row["industry"], region: Region(rawValue: row["region"])!,
            website: row["website"], notes: row["notes"]))
    }

    static func checkClientNameIsFree(_ db: Database, _ name: String, except id: ClientID?) throws {
        let owner = try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE name = ?", arguments: [name])
        if let owner, owner != id?.rawValue {
            throw RapportError.duplicate(field: "name", message: "is the name of another client")
        }
    }
}

enum JobRows {
    static let columns = """
        client_id, title, description, city, country, region, remote_policy, remote_area, remote_places,
        remote_overlap_hours, contractors_abroad, employment_type, pay_currency, pay_unit, pay_minimum, pay_maximum,
        seniority, start_date, duration_weeks, openings, status, practice_id
        """

    static func values(_ details: JobDetails) -> [(any DatabaseValueConvertible)?] {
        var values: [(any DatabaseValueConvertible)?] = []
        values.append(details.clientID.rawValue)
        values.append(details.title)
        values.append(details.description)
        values.append(StoredCity.column(details.location.city))
        values.append(details.location.country)
        values.append(details.region.rawValue)
        values.append(details.remotePolicy.rawValue)
        let scope = details.remoteScope
        values.append(scope?.area.rawValue)
        values.append(scope.flatMap(places))
        values.append(scope?.overlapHours)
        values.append(scope?.engagesContractorsAbroad ?? false)
        values.append(details.employmentType.rawValue)
        values.append(details.pay?.minimum.currency.rawValue)
        values.append(details.pay?.minimum.unit.rawValue)
        values.append(details.pay?.minimum.minorUnits)
        values.append(details.pay?.maximum.minorUnits)
        values.append(details.seniority.rawValue)
        values.append(details.startDate?.description)
        values.append(details.durationWeeks)
        values.append(details.openings)
        values.append(details.status.rawValue)
        values.append(details.practiceID?.rawValue)
        return values
    }

    /// Inserts the job with its skills and owners; `id` is given only by bulk loads.
    static func insert(_ db: Database, id: Int64?, _ details: JobDetails, createdAt: Date, updatedAt: Date, version: Int) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO job (id, \(columns), created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([id] + values(details) + [StoredTime.milliseconds(createdAt), StoredTime.milliseconds(updatedAt), version]))
        let jobID = db.lastInsertedRowID
        try insertChildren(db, jobID: jobID, details)
        return jobID
    }

    static func update(_ db: Database, id: Int64, _ details: JobDetails, updatedAt: Date) throws {
        try db.execute(sql: """
            UPDATE job SET client_id = ?, title = ?, description = ?, city = ?, country = ?, region = ?, remote_policy = ?,
                remote_area = ?, remote_places = ?, remote_overlap_hours = ?, contractors_abroad = ?, employment_type = ?, pay_currency = ?, pay_unit = ?, pay_minimum = ?, pay_maximum = ?, seniority = ?,
                start_date = ?, duration_weeks = ?, openings = ?, status = ?, practice_id = ?, updated_at = ?,
                version = version + 1
            WHERE id = ?
            """, arguments: StatementArguments(values(details) + [StoredTime.milliseconds(updatedAt), id]))
        try insertChildren(db, jobID: id, details)
    }

    static func insertChildren(_ db: Database, jobID: Int64, _ details: JobDetails) throws {
        let skill = try db.cachedStatement(sql: """
            INSERT INTO job_skill (job_id, skill_id, minimum_level, minimum_years, importance, weight, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, required) in details.requiredSkills.enumerated() {
            try skill.execute(arguments: [jobID, required.skillID.rawValue, required.minimumLevel, required.minimumYears,
                                          required.importance.rawValue, required.weight, position])
        }
        let owner = try db.cachedStatement(sql: "INSERT INTO job_owner (job_id, user_id, position) VALUES (?, ?, ?)")
        for (position, user) in details.ownerIDs.enumerated() {
            try owner.execute(arguments: [jobID, user.rawValue, position])
        }
    }

    static func jobs(_ db: Database, rows: [Row]) throws -> [Job] {
        guard !rows.isEmpty else { return [] }
        let ids = Database.jsonArray(rows.map { $0["id"] })
        var skills: [Int64: [JobSkill]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT * FROM job_skill WHERE job_id IN (SELECT value FROM json_each(?)) ORDER BY job_id, position
            """, arguments: [ids]) {
            skills[row["job_id"], default: []].append(JobSkill(
                skillID: SkillID(row["skill_id"] as Int64), minimumLevel: row["minimum_level"], minimumYears: row["minimum_years"],
                importance: JobSkill.Importance(rawValue: row["importance"])!, weight: row["weight"]))
        }
        var owners: [Int64: [UserID]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT job_id, user_id FROM job_owner WHERE job_id IN (SELECT value FROM json_each(?)) ORDER BY job_id, position
            """, arguments: [ids]) {
            owners[row["job_id"], default: []].append(UserID(row["user_id"] as Int64))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            let start: String? = row["start_date"]
            let details = JobDetails(
                title: row["title"], description: row["description"], clientID: ClientID(row["client_id"] as Int64),
                location: Location(city: StoredCity.city(row["city"]), country: row["country"]), region: Region(rawValue: row["region"])!,
                remotePolicy: RemotePolicy(rawValue: row["remote_policy"])!, remoteScope: try remoteScope(row),
                employmentType: EmploymentType(rawValue: row["employment_type"])!,
                pay: pay(row),
                requiredSkills: skills[id] ?? [], seniority: Seniority(rawValue: row["seniority"])!,
                startDate: start.flatMap { LocalDate($0) }, durationWeeks: row["duration_weeks"], openings: row["openings"],
                status: JobStatus(rawValue: row["status"])!, practiceID: (row["practice_id"] as Int64?).map { PracticeID($0) },
                ownerIDs: owners[id] ?? [])
            return Job(id: JobID(id), version: row["version"], createdAt: StoredTime.date(row["created_at"]), updatedAt: StoredTime.date(row["updated_at"]), details: details)
        }
    }

    /// A remote scope's countries or time zones as a JSON array, or nil for an area that lists none.
    private static func places(_ scope: RemoteScope) -> String? {
        switch scope.area {
        case .anywhere: nil
        case .countries: try? OutreachRows.json(scope.countries)
        case .timeZones: try? OutreachRows.json(scope.timeZones)
        }
    }

    private static func remoteScope(_ row: Row) throws -> RemoteScope? {
        guard let name: String = row["remote_area"], let area = RemoteScope.Area(rawValue: name) else { return nil }
        let places = try (row["remote_places"] as String?).map { try OutreachRows.decode([String].self, $0) } ?? []
        return RemoteScope(area: area, countries: area == .countries ? places : [], timeZones: area == .timeZones ? places : [],
                           overlapHours: row["remote_overlap_hours"], engagesContractorsAbroad: row["contractors_abroad"])
    }

    /// The pay band, or nil when the four pay columns are empty: the client did not disclose it.
    private static func pay(_ row: Row) -> PayRange? {
        guard let code: String = row["pay_currency"], let currency = Currency(rawValue: code),
              let unitName: String = row["pay_unit"], let unit = PayUnit(rawValue: unitName) else { return nil }
        return PayRange(minimum: Money(minorUnits: row["pay_minimum"], currency: currency, unit: unit),
                        maximum: Money(minorUnits: row["pay_maximum"], currency: currency, unit: unit))
    }
}

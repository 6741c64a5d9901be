import Foundation
import Crypto
import GRDB
import RapportCore
import RapportText

extension SQLiteStore {
    public func createCandidate(_ given: CandidateProfile, at now: Date) async throws -> Candidate {
        try await applyCandidateChanges([.create(given)], provenance: nil, at: now)[0]
    }

    public func applyCandidateChanges(_ changes: [CandidateChange], provenance: ImportProvenance?, at now: Date) async throws -> [Candidate] {
        let salt = try await contactSalt()
        let now = now.truncatedToMilliseconds
        let prepared = await Self.prepare(changes, salt: salt)
        return try await write { db in
            let stored = try Self.write(db, changes, prepared: prepared, at: now)
            if let provenance {
                try Self.recordImport(db, run: try Self.insertImportRun(db, provenance, at: now), changes: changes, stored: stored,
                                      records: provenance.records, extras: provenance.extras, at: now)
            }
            return stored
        }
    }

    /// What needs nothing but each profile, worked out before the transaction, on every core, so that the one writer
    /// holds the database for the writing alone.
    static func prepare(_ changes: [CandidateChange], salt: String) async -> [CandidateWrite] {
        await changes.concurrentMap { change in
            switch change {
            case .create(let profile): CandidateWrite(profile, salt: salt)
            case .update(_, _, let profile): CandidateWrite(profile)
            }
        }
    }

    static func write(_ db: Database, _ changes: [CandidateChange], prepared: [CandidateWrite], at now: Date) throws -> [Candidate] {
        try zip(changes, prepared).map { change, prepared in
            switch change {
            case .create: try insertCandidate(db, prepared, at: now)
            case .update(let id, let version, _): try updateCandidateRow(db, id, expectedVersion: version, prepared, at: now)
            }
        }
    }

    /// Each change's record in import run `run`, with the notes and ids it brought (`records` and `extras` in the
    /// order of `changes`).
    static func recordImport(_ db: Database, run: Int64, changes: [CandidateChange], stored: [Candidate], records: [Int],
                             extras: [ImportedExtras], at now: Date) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO candidate_import (candidate_id, run_id, record, outcome) VALUES (?, ?, ?, ?)")
        // A note the person already has (same author, time and text) is not stored again when a file comes back.
        let note = try db.cachedStatement(sql: """
            INSERT INTO candidate_note (candidate_id, author, written_at, text, run_id, stored_at)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (
                SELECT 1 FROM candidate_note WHERE candidate_id = ?1 AND author = ?2 AND written_at IS ?3 AND text = ?4)
            """)
        for (index, (change, candidate)) in zip(changes, stored).enumerated() {
            let outcome: ImportedRecord.Outcome = if case .create = change { .created } else { .updated }
            let record = index < records.count ? records[index] : index + 1
            try statement.execute(arguments: [candidate.id.rawValue, run, record, outcome.rawValue])
            let extras = index < extras.count ? extras[index] : ImportedExtras()
            for draft in extras.notes {
                try note.execute(arguments: [candidate.id.rawValue, draft.author, draft.writtenAt.map(StoredTime.milliseconds), draft.text, run,
                                             StoredTime.milliseconds(now)])
            }
            for id in extras.externalIDs {
                if let holder = try Int64.fetchOne(db, sql: "SELECT candidate_id FROM candidate_external_id WHERE source = ? AND value = ?",
                                                   arguments: [id.source, id.value]) {
                    guard holder == candidate.id.rawValue else {
                        throw RapportError.duplicate(field: "externalIDs", message: "\(id) belongs to candidate \(holder)")
                    }
                } else {
                    try db.execute(sql: "INSERT INTO candidate_external_id (source, value, candidate_id) VALUES (?, ?, ?)",
                                   arguments: [id.source, id.value, candidate.id.rawValue])
                }
            }
        }
    }

    public func heldPeople(emails: [String], externalIDs: [ExternalID]) async throws -> HeldPeople {
        guard !emails.isEmpty || !externalIDs.isEmpty else { return HeldPeople() }
        return try await read { db in try Self.heldPeople(db, emails: emails, externalIDs: externalIDs) }
    }

    static func heldPeople(_ db: Database, emails: [String], externalIDs: [ExternalID]) throws -> HeldPeople {
        var ids: [String: Int64] = [:]
        // Addresses a merge left behind first, the latest merge last, so that a person's own address wins.
        let emailList = CandidateKeys.jsonList(emails)
        for sql in ["""
            SELECT j.value AS asked, a.candidate_id AS id FROM json_each(?) j JOIN candidate_alias a ON a.email = j.value ORDER BY a.merged_at
            """, "SELECT j.value AS asked, c.id FROM json_each(?) j JOIN candidate c ON c.email = j.value"] {
            for row in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [emailList]) {
                ids["email:" + EmailAddress.normalized(row["asked"])] = row["id"]
            }
        }
        let pairs = (try? String(decoding: JSONEncoder().encode(externalIDs.map { [$0.source, $0.value] }), as: UTF8.self)) ?? "[]"
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT json_extract(j.value, '$[0]') AS source, json_extract(j.value, '$[1]') AS value, x.candidate_id AS id
            FROM json_each(?) j JOIN candidate_external_id x ON x.source = json_extract(j.value, '$[0]') AND x.value = json_extract(j.value, '$[1]')
            """), arguments: [pairs]) {
            ids["id:" + HeldPeople.key(of: ExternalID(source: row["source"], value: row["value"]))] = row["id"]
        }
        let found = Set(ids.values)
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM candidate WHERE id IN (SELECT value FROM json_each(?))"),
                                    arguments: [Database.jsonArray(Array(found))])
        let candidates = Dictionary(uniqueKeysWithValues: try CandidateRows.candidates(db, rows: rows).map { ($0.id.rawValue, $0) })
        var held = HeldPeople()
        for (key, id) in ids {
            guard let candidate = candidates[id] else { continue }
            if key.hasPrefix("email:") {
                held.byEmail[String(key.dropFirst(6))] = candidate
            } else {
                held.byExternalID[String(key.dropFirst(3))] = candidate
            }
        }
        let list = Database.jsonArray(Array(found))
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT candidate_id, author, written_at, text FROM candidate_note WHERE candidate_id IN (SELECT value FROM json_each(?))
            """), arguments: [list]) {
            held.notes[CandidateID(row["candidate_id"] as Int64), default: []].append(
                NoteDraft(author: row["author"], writtenAt: (row["written_at"] as Int64?).map(StoredTime.date), text: row["text"]))
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT candidate_id, source, value FROM candidate_external_id WHERE candidate_id IN (SELECT value FROM json_each(?))
            """), arguments: [list]) {
            held.externalIDs[CandidateID(row["candidate_id"] as Int64), default: []].append(ExternalID(source: row["source"], value: row["value"]))
        }
        return held
    }

    public func externalIDs(candidate id: CandidateID) async throws -> [ExternalID] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT source, value FROM candidate_external_id WHERE candidate_id = ? ORDER BY source, value",
                             arguments: [id.rawValue]).map { ExternalID(source: $0["source"], value: $0["value"]) }
        }
    }

    public func notes(candidate id: CandidateID) async throws -> [CandidateNote] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.author, n.written_at, n.text, n.stored_at, r.file_name FROM candidate_note n LEFT JOIN import_run r ON r.id = n.run_id
                WHERE n.candidate_id = ? ORDER BY coalesce(n.written_at, n.stored_at), n.id
                """, arguments: [id.rawValue]).map { row in
                CandidateNote(candidateID: id, note: NoteDraft(author: row["author"], writtenAt: (row["written_at"] as Int64?).map(StoredTime.date),
                                                                 text: row["text"]),
                              fileName: row["file_name"], storedAt: StoredTime.date(row["stored_at"]))
            }
        }
    }

    /// Starts the record of one import run; its records point at the id returned.
    static func insertImportRun(_ db: Database, _ provenance: ImportProvenance, at now: Date) throws -> Int64 {
        try db.execute(sql: "INSERT INTO import_run (format, file_name, run_by, at) VALUES (?, ?, ?, ?)",
                       arguments: [provenance.format, provenance.fileName, provenance.runBy?.rawValue, StoredTime.milliseconds(now)])
        return db.lastInsertedRowID
    }

    public func importHistory(candidate id: CandidateID) async throws -> [ImportedRecord] {
        try await read { db in try Self.importHistory(db, table: "candidate_import", column: "candidate_id", id: id.rawValue) }
    }

    /// The runs that touched one record, oldest first, from `candidate_import` or `job_import`.
    static func importHistory(_ db: Database, table: String, column: String, id: Int64) throws -> [ImportedRecord] {
        try Row.fetchAll(db, sql: """
            SELECT r.format, r.file_name, r.run_by, r.at, i.record, i.outcome FROM \(table) i
            JOIN import_run r ON r.id = i.run_id WHERE i.\(column) = ? ORDER BY r.at, r.id
            """, arguments: [id]).map { row in
            ImportedRecord(format: row["format"], fileName: row["file_name"], record: row["record"],
                           outcome: ImportedRecord.Outcome(rawValue: row["outcome"]) ?? .updated,
                           runBy: (row["run_by"] as Int64?).map { UserID($0) }, at: StoredTime.date(row["at"]))
        }
    }

    /// Inserts a new candidate; someone who asked to be erased is never contacted again, even when their details
    /// come back in an import.
    static func insertCandidate(_ db: Database, _ prepared: CandidateWrite, at now: Date) throws -> Candidate {
        var profile = prepared.profile
        var details = prepared.details
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM erased_contact WHERE hash IN (SELECT value FROM json_each(?)))"),
                             arguments: [prepared.contactHashes]) == true {
            profile.contactPreferences.doNotContact = true
            details = CandidateDetailsDocument.encode(profile)
        }
        try db.checkReferences(profile.references)
        try checkEmailIsFree(db, profile.email, except: nil)
        try db.cachedStatement(sql: CandidateRows.insertSQL).execute(arguments: CandidateRows.arguments(
            id: try freshID(db), profile, details: details, createdAt: now, updatedAt: now, version: 1))
        let id = db.lastInsertedRowID
        try CandidateRows.insertSkills(db, candidateID: id, profile.skills)
        try CandidateKeys.write(db, candidateID: id, keys: prepared.keys)
        return Candidate(id: CandidateID(id), version: 1, createdAt: now, updatedAt: now, profile: profile)
    }

    /// Nil, so SQLite picks the next id, unless that id would be one a merged-away record left as an alias: then the
    /// one after the highest alias, so an old link never leads to someone else.
    private static func freshID(_ db: Database) throws -> Int64? {
        guard let alias = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(old_id) FROM candidate_alias")) else { return nil }
        let top = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM candidate")) ?? 0
        return alias >= top ? alias + 1 : nil
    }

    public func candidate(_ id: CandidateID) async throws -> Candidate {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM candidate WHERE id = ?", arguments: [id.rawValue])
            guard let candidate = try CandidateRows.candidates(db, rows: rows).first else {
                throw RapportError.notFound(entity: "candidate", id: id.description)
            }
            return candidate
        }
    }

    public func candidate(email: String) async throws -> Candidate? {
        try await read { db in
            var rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM candidate WHERE email = ?"), arguments: [email])
            if rows.isEmpty {
                rows = try Row.fetchAll(db, sql: """
                    SELECT c.* FROM candidate_alias a JOIN candidate c ON c.id = a.candidate_id WHERE a.email = ? ORDER BY a.merged_at DESC LIMIT 1
                    """, arguments: [email])
            }
            return try CandidateRows.candidates(db, rows: rows).first
        }
    }

    public func updateCandidate(_ id: CandidateID, expectedVersion: Int, _ profile: CandidateProfile, at now: Date) async throws -> Candidate {
        let now = now.truncatedToMilliseconds
        let prepared = CandidateWrite(profile)
        return try await write { db in try Self.updateCandidateRow(db, id, expectedVersion: expectedVersion, prepared, at: now) }
    }

    static func updateCandidateRow(_ db: Database, _ id: CandidateID, expectedVersion: Int, _ prepared: CandidateWrite, at now: Date) throws -> Candidate {
        let profile = prepared.profile
        try db.checkVersion(table: "candidate", entity: "candidate", id: id.rawValue, expected: expectedVersion)
        try db.checkReferences(profile.references)
        try checkEmailIsFree(db, profile.email, except: id)
        let createdAt = StoredTime.date(try Int64.fetchOne(db, sql: "SELECT created_at FROM candidate WHERE id = ?", arguments: [id.rawValue])!)
        try db.execute(sql: """
            UPDATE candidate SET name = ?, email = ?, phone = ?, city = ?, country = ?, time_zone = ?, region = ?,
                remote_preference = ?, open_to_relocation = ?, headline = ?, summary = ?, availability = ?,
                available_until = ?, do_not_contact = ?, owner_id = ?, home_practice_id = ?, source_kind = ?,
                referrer_id = ?, details = ?, updated_at = ?, version = version + 1
            WHERE id = ? AND version = ?
            """, arguments: updateArguments(profile, details: prepared.details, updatedAt: now)
                + [id.rawValue, expectedVersion])
        try db.execute(sql: "DELETE FROM candidate_skill WHERE candidate_id = ?", arguments: [id.rawValue])
        try CandidateRows.insertSkills(db, candidateID: id.rawValue, profile.skills)
        try CandidateKeys.write(db, candidateID: id.rawValue, keys: prepared.keys)
        return Candidate(id: id, version: expectedVersion + 1, createdAt: createdAt, updatedAt: now, profile: profile)
    }

    public func eraseCandidate(_ id: CandidateID, at now: Date) async throws {
        let salt = try await contactSalt()
        let candidate = try await candidate(id)
        // The addresses of records merged into them were theirs too.
        let aliases = try await read { db in
            try String.fetchAll(db, sql: "SELECT email FROM candidate_alias WHERE candidate_id = ?", arguments: [id.rawValue])
        }
        let hashes = Self.contactHashes(emails: [candidate.profile.email] + aliases, phone: candidate.profile.phone, salt: salt)
        try await write { db in
            try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [id.rawValue])
            for hash in hashes {
                try db.execute(sql: "INSERT OR IGNORE INTO erased_contact (hash, erased_at) VALUES (?, ?)",
                               arguments: [hash, StoredTime.milliseconds(now)])
            }
        }
    }

    /// This database's salt for contact hashes, made on first use.
    func contactSalt() async throws -> String {
        if let salt = try await read({ db in try String.fetchOne(db, sql: "SELECT value FROM app_secret WHERE name = 'contact_salt'") }) {
            return salt
        }
        return try await write { db in
            if let salt = try String.fetchOne(db, sql: "SELECT value FROM app_secret WHERE name = 'contact_salt'") { return salt }
            var generator = SystemRandomNumberGenerator()
            let salt = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
            try db.execute(sql: "INSERT INTO app_secret (name, value) VALUES ('contact_salt', ?)", arguments: [salt])
            return salt
        }
    }

    /// Salted SHA-256 of the e-mail address (lowercased) and the phone number (digits only).
    static func contactHashes(_ profile: CandidateProfile, salt: String) -> [String] {
        contactHashes(emails: [profile.email], phone: profile.phone, salt: salt)
    }

    static func contactHashes(emails: [String], phone: String?, salt: String) -> [String] {
        var points = emails.map { "email:" + $0.lowercased().trimmedSpaces }
        if let phone = phone?.filter(\.isNumber), !phone.isEmpty { points.append("phone:" + phone) }
        return points.map { point in hex(SHA256.hash(data: Data((salt + point).utf8))) }
    }

    /// Lower-case hexadecimal, two digits a byte (`String(format: "%02x")` cost a fifth of writing a person).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public func deleteCandidate(_ id: CandidateID) async throws {
        try await write { db in
            try db.requireRow(table: "candidate", entity: "candidate", id: id.rawValue)
            try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [id.rawValue])
        }
    }

    public func candidates(_ query: CandidateQuery, page: PageRequest) async throws -> Page<Candidate> {
        let (condition, arguments) = Self.filter(query)
        return try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM candidate c WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT c.* FROM candidate c WHERE \(condition) AND c.id > ? ORDER BY c.id LIMIT ?",
                                        arguments: arguments + [page.after ?? 0, page.limit + 1])
            return makePage(try CandidateRows.candidates(db, rows: rows), limit: page.limit, total: total) { $0.id.rawValue }
        }
    }

    public func ownerLoads() async throws -> [UserID: Int] {
        try await read { db in
            var loads: [UserID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT owner_id, count(*) AS n FROM candidate WHERE owner_id IS NOT NULL GROUP BY owner_id") {
                loads[UserID(row["owner_id"] as Int64)] = row["n"]
            }
            return loads
        }
    }

    public func candidates(after: CandidateID?, limit: Int) async throws -> [Candidate] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT c.* FROM candidate c WHERE c.id > ? ORDER BY c.id LIMIT ?",
                                        arguments: [after?.rawValue ?? 0, limit])
            return try CandidateRows.candidates(db, rows: rows)
        }
    }

    /// The WHERE clause for a query: fixed SQL fragments, every value bound.
    static func filter(_ query: CandidateQuery) -> (String, StatementArguments) {
        var clauses = ["1"]
        var arguments: StatementArguments = []
        // Driven from the (skill_id, candidate_id) index, so a rare skill reads only its own candidates.
        for skill in query.skillIDs {
            clauses.append("c.id IN (SELECT candidate_id FROM candidate_skill WHERE skill_id = ?)")
            arguments += [skill.rawValue]
        }
        if let practice = query.practiceID {
            clauses.append("c.home_practice_id = ?")
            arguments += [practice.rawValue]
        }
        if let region = query.region {
            clauses.append("c.region = ?")
            arguments += [region.rawValue]
        }
        if !query.availability.isEmpty {
            clauses.append("c.availability IN (SELECT value FROM json_each(?))")
            arguments += ["[" + query.availability.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"]
        }
        if let name = query.name, !name.isEmpty {
            clauses.append("c.name LIKE ? ESCAPE '\\'")
            arguments += ["%" + escapeLike(name) + "%"]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    static func checkEmailIsFree(_ db: Database, _ email: String, except id: CandidateID?) throws {
        let owner = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM candidate WHERE email = ?"), arguments: [email])
        if let owner, owner != id?.rawValue {
            throw RapportError.duplicate(field: "email", message: "belongs to another candidate")
        }
        // An address of a record merged away still names the person it was merged into.
        let merged = try Int64.fetchOne(db.cachedStatement(sql: "SELECT candidate_id FROM candidate_alias WHERE email = ?"), arguments: [email])
        if let merged, merged != id?.rawValue {
            throw RapportError.duplicate(field: "email", message: "belongs to candidate \(merged), as the address of a record merged into them")
        }
    }

    static func updateArguments(_ profile: CandidateProfile, details: String, updatedAt: Date) -> StatementArguments {
        StatementArguments(CandidateRows.columnValues(profile, details: details) + [StoredTime.milliseconds(updatedAt)])
    }
}

import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func createSkill(_ draft: SkillDraft) async throws -> Skill {
        try await write { db in
            if let practiceID = draft.practiceID {
                try db.checkReferences([EntityReference(field: "practiceID", kind: .practice, id: practiceID.rawValue)])
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM skill WHERE name = ?)", arguments: [draft.name]) == true {
                throw RapportError.duplicate(field: "name", message: "is already a skill")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM skill_alias WHERE alias = ?)", arguments: [draft.name]) == true {
                throw RapportError.duplicate(field: "name", message: "is already an alias of another skill")
            }
            try Self.checkAliasesAreFree(db, draft.aliases, field: "aliases")
            try Self.checkSkillsExist(db, draft.implies, field: "implies")
            try Self.checkSkillsExist(db, draft.related, field: "related")
            try db.execute(sql: "INSERT INTO skill (name, category, practice_id) VALUES (?, ?, ?)",
                           arguments: [draft.name, draft.category, draft.practiceID?.rawValue])
            let id = db.lastInsertedRowID
            try Self.insertAliases(db, skillID: id, draft.aliases, from: 0)
            try Self.insertRelations(db, skillID: id, kind: "implies", draft.implies, from: 0)
            try Self.insertRelations(db, skillID: id, kind: "related", draft.related, from: 0)
            try Self.bumpTaxonomyVersion(db)
            return try Self.skills(db, where: "id = ?", [id])[0]
        }
    }

    public func extendSkill(_ id: SkillID, aliases: [String], implies: [SkillID], related: [SkillID]) async throws -> Skill {
        try await write { db in
            guard var skill = try Self.skills(db, where: "id = ?", [id.rawValue]).first else {
                throw RapportError.notFound(entity: "skill", id: id.description)
            }
            let newAliases = aliases.filter { alias in !skill.aliases.contains { $0.caseInsensitiveCompare(alias) == .orderedSame } }
            try Self.checkAliasesAreFree(db, newAliases, field: "aliases")
            for (index, alias) in aliases.enumerated() where alias.caseInsensitiveCompare(skill.name) == .orderedSame {
                throw RapportError.invalid([ValidationIssue(field: "aliases[\(index)]", message: "repeats the skill's name")])
            }
            try Self.checkSkillsExist(db, implies, field: "implies")
            try Self.checkSkillsExist(db, related, field: "related")
            for (field, others) in [("implies", implies), ("related", related)] where others.contains(id) {
                throw RapportError.invalid([ValidationIssue(field: field, message: "must not name the skill itself")])
            }
            try Self.insertAliases(db, skillID: id.rawValue, newAliases, from: skill.aliases.count)
            try Self.insertRelations(db, skillID: id.rawValue, kind: "implies", implies.filter { !skill.implies.contains($0) },
                                     from: skill.implies.count)
            try Self.insertRelations(db, skillID: id.rawValue, kind: "related", related.filter { !skill.related.contains($0) },
                                     from: skill.related.count)
            try Self.bumpTaxonomyVersion(db)
            skill = try Self.skills(db, where: "id = ?", [id.rawValue])[0]
            return skill
        }
    }

    public func skill(_ id: SkillID) async throws -> Skill {
        try await read { db in
            guard let skill = try Self.skills(db, where: "id = ?", [id.rawValue]).first else {
                throw RapportError.notFound(entity: "skill", id: id.description)
            }
            return skill
        }
    }

    public func allSkills() async throws -> [Skill] {
        try await read { db in try Self.skills(db, where: "1 ORDER BY id", []) }
    }

    public func taxonomyState() async throws -> TaxonomyState {
        try await read { db in try Self.taxonomyState(db) }
    }

    public func installSkills(_ skills: [Skill], standardVersion: String) async throws -> Bool {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM skill)") == false else { return false }
            try Self.insertSkills(db, skills)
            try db.execute(sql: "UPDATE taxonomy_state SET version = version + 1, standard_version = ?", arguments: [standardVersion])
            return true
        }
    }

    public func recordUnresolvedSkills(_ texts: [(key: String, example: String)], at now: Date) async throws {
        guard !texts.isEmpty else { return }
        let time = StoredTime.milliseconds(now)
        try await write { db in
            for text in texts {
                try db.execute(sql: """
                    INSERT INTO unresolved_skill (key, example, occurrences, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET occurrences = occurrences + 1, last_seen = excluded.last_seen
                    """, arguments: [text.key, text.example, time, time])
            }
        }
    }

    public func unresolvedSkills(limit: Int) async throws -> [UnresolvedSkill] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM unresolved_skill ORDER BY occurrences DESC, key LIMIT ?", arguments: [limit])
                .map { row in
                    UnresolvedSkill(key: row["key"], example: row["example"], occurrences: row["occurrences"],
                                    firstSeen: StoredTime.date(row["first_seen"]), lastSeen: StoredTime.date(row["last_seen"]))
                }
        }
    }

    // MARK: Rows

    /// Skills matching a fixed condition, with aliases and relations, in one pass.
    static func skills(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [Skill] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.*,
                (SELECT json_group_array(alias) FROM
                    (SELECT alias FROM skill_alias WHERE skill_id = s.id ORDER BY position)) AS aliases,
                (SELECT json_group_array(other_id) FROM
                    (SELECT other_id FROM skill_relation WHERE skill_id = s.id AND kind = 'implies' ORDER BY position)) AS implies,
                (SELECT json_group_array(other_id) FROM
                    (SELECT other_id FROM skill_relation WHERE skill_id = s.id AND kind = 'related' ORDER BY position)) AS related
            FROM skill s WHERE \(condition)
            """, arguments: arguments)
        let decoder = JSONDecoder()
        return try rows.map { row in
            Skill(id: SkillID(row["id"] as Int64), name: row["name"],
                  aliases: try decoder.decode([String].self, from: Data((row["aliases"] as String).utf8)),
                  category: row["category"], practiceID: (row["practice_id"] as Int64?).map { PracticeID($0) },
                  implies: try decoder.decode([Int64].self, from: Data((row["implies"] as String).utf8)).map { SkillID($0) },
                  related: try decoder.decode([Int64].self, from: Data((row["related"] as String).utf8)).map { SkillID($0) })
        }
    }

    /// Inserts skills under their own ids, relations after all skills so they may point forwards.
    static func insertSkills(_ db: Database, _ skills: [Skill]) throws {
        for skill in skills {
            try db.execute(sql: "INSERT INTO skill (id, name, category, practice_id) VALUES (?, ?, ?, ?)",
                           arguments: [skill.id.rawValue, skill.name, skill.category, skill.practiceID?.rawValue])
            try insertAliases(db, skillID: skill.id.rawValue, skill.aliases, from: 0)
        }
        for skill in skills {
            try insertRelations(db, skillID: skill.id.rawValue, kind: "implies", skill.implies, from: 0)
            try insertRelations(db, skillID: skill.id.rawValue, kind: "related", skill.related, from: 0)
        }
    }

    static func taxonomyState(_ db: Database) throws -> TaxonomyState {
        let row = try Row.fetchOne(db, sql: "SELECT version, standard_version FROM taxonomy_state WHERE id = 1")
        return TaxonomyState(version: row?["version"] ?? 0, standardVersion: row?["standard_version"])
    }

    static func bumpTaxonomyVersion(_ db: Database) throws {
        try db.execute(sql: "UPDATE taxonomy_state SET version = version + 1")
    }

    static func insertAliases(_ db: Database, skillID: Int64, _ aliases: [String], from start: Int) throws {
        for (offset, alias) in aliases.enumerated() {
            try db.execute(sql: "INSERT INTO skill_alias (alias, skill_id, position) VALUES (?, ?, ?)",
                           arguments: [alias, skillID, start + offset])
        }
    }

    static func insertRelations(_ db: Database, skillID: Int64, kind: String, _ others: [SkillID], from start: Int) throws {
        for (offset, other) in others.enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO skill_relation (skill_id, other_id, kind, position) VALUES (?, ?, ?, ?)",
                           arguments: [skillID, other.rawValue, kind, start + offset])
        }
    }

    static func checkAliasesAreFree(_ db: Database, _ aliases: [String], field: String) throws {
        for (index, alias) in aliases.enumerated() {
            let taken = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM skill_alias WHERE alias = ?) OR EXISTS (SELECT 1 FROM skill WHERE name = ?)
                """, arguments: [alias, alias])
            if taken == true {
                throw RapportError.duplicate(field: "\(field)[\(index)]", message: "is already a skill or an alias of one")
            }
        }
    }

    static func checkSkillsExist(_ db: Database, _ ids: [SkillID], field: String) throws {
        try db.checkReferences(ids.enumerated().map { index, id in
            EntityReference(field: "\(field)[\(index)]", kind: .skill, id: id.rawValue)
        })
    }
}

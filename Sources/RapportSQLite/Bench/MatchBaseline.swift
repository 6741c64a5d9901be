import GRDB

/// SQLite's answer to forward matching, the yardstick `rapport bench match` times the in-memory index against.
///
/// One in-memory table `candidate_skill(skill_id, candidate_id, weight)` WITHOUT ROWID, keyed by
/// (skill_id, candidate_id): the weight lives in the key's B-tree, so it is the covering index and the ranking reads
/// nothing else. The ranking is the plain SQL a team would write first: join the query's terms, `GROUP BY` candidate,
/// `SUM` weight × query weight, `ORDER BY` score descending then candidate, `LIMIT` k.
public final class MatchBaseline: Sendable {
    private let queue: DatabaseQueue

    /// Loads the rows (three parallel arrays, one row per candidate skill). Rows ordered by skill then candidate
    /// load fastest, as appends to the B-tree; any order gives the same table.
    public init(skillIDs: [UInt32], candidateIDs: [UInt32], weights: [UInt8]) throws {
        precondition(skillIDs.count == candidateIDs.count && skillIDs.count == weights.count)
        queue = try DatabaseQueue()
        try queue.inDatabase { db in
            // The GROUP BY and ORDER BY sorters stay in memory rather than spilling to temporary files.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: """
                CREATE TABLE candidate_skill (
                    skill_id INTEGER NOT NULL,
                    candidate_id INTEGER NOT NULL,
                    weight INTEGER NOT NULL,
                    PRIMARY KEY (skill_id, candidate_id)
                ) WITHOUT ROWID
                """)
            try db.inTransaction {
                var insert = try RawInsert(db, sql: "INSERT INTO candidate_skill (skill_id, candidate_id, weight) VALUES (?, ?, ?)")
                for row in skillIDs.indices {
                    insert.bind(Int64(skillIDs[row]))
                    insert.bind(Int64(candidateIDs[row]))
                    insert.bind(Int64(weights[row]))
                    try insert.step()
                }
                return .commit
            }
        }
    }

    /// The `limit` best candidates for the query terms (skill, weight): score = Σ weight × query weight, ties to the
    /// lower candidate id, only candidates sharing at least one skill with the query.
    public func topCandidates(skills: [UInt32], weights: [UInt16], limit: Int) throws -> [(candidateID: UInt32, score: UInt32)] {
        precondition(skills.count == weights.count)
        guard !skills.isEmpty, limit > 0 else { return [] }
        var values: [Int64] = []
        values.reserveCapacity(skills.count * 2 + 1)
        for (skill, weight) in zip(skills, weights) {
            values.append(Int64(skill))
            values.append(Int64(weight))
        }
        values.append(Int64(limit))
        let sql = Self.rankingSQL(termCount: skills.count)
        return try queue.inDatabase { db in
            let statement = try db.cachedStatement(sql: sql)
            return try Row.fetchAll(statement, arguments: StatementArguments(values)).map { row in
                (candidateID: UInt32(row[0] as Int64), score: UInt32(row[1] as Int64))
            }
        }
    }

    /// The ranking query for `termCount` query terms: the terms are bound as a `VALUES` list, never spliced in.
    public static func rankingSQL(termCount: Int) -> String {
        let terms = Array(repeating: "(?, ?)", count: termCount).joined(separator: ", ")
        return """
            WITH query(skill_id, weight) AS (VALUES \(terms))
            SELECT s.candidate_id, SUM(s.weight * query.weight) AS score
            FROM query CROSS JOIN candidate_skill AS s ON s.skill_id = query.skill_id
            GROUP BY s.candidate_id
            ORDER BY score DESC, s.candidate_id ASC
            LIMIT ?
            """
    }

    /// SQLite's plan for the ranking query, one line per step (to check that it reads only the covering index).
    public func queryPlan(termCount: Int) throws -> [String] {
        try queue.inDatabase { db in
            let arguments = StatementArguments(Array(repeating: Int64(1), count: termCount * 2 + 1))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Self.rankingSQL(termCount: termCount), arguments: arguments)
                .map { $0["detail"] as String }
        }
    }
}

import GRDB
import GRDBSQLite
import RapportCore

/// Binds and steps a prepared INSERT through SQLite's C API. GRDB's `StatementArguments` box every value in an
/// existential, which cost about 6 µs a row on the million-candidate load; this keeps bulk loads near SQLite's own
/// speed. Only the bulk loader uses it; every other write goes through GRDB's arguments.
struct RawInsert {
    private let statement: Statement
    private let connection: SQLiteConnection
    private var position: Int32 = 0

    /// SQLite copies text before `sqlite3_bind_text` returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        connection = db.sqliteConnection!
    }

    mutating func bind(_ value: Int64?) {
        position += 1
        if let value { sqlite3_bind_int64(statement.sqliteStatement, position, value) } else { sqlite3_bind_null(statement.sqliteStatement, position) }
    }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    mutating func bind(_ value: Double) {
        position += 1
        sqlite3_bind_double(statement.sqliteStatement, position, value)
    }

    mutating func bind(_ value: String?) {
        position += 1
        guard let value else {
            sqlite3_bind_null(statement.sqliteStatement, position)
            return
        }
        var text = value
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement.sqliteStatement, position, chars.baseAddress, Int32(chars.count), Self.transient)
            }
        }
    }

    /// Runs the statement with the values bound so far, then readies it for the next row.
    mutating func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        position = 0
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }
}

extension RawInsert {
    /// One `candidate` row, columns in `CandidateRows.insertSQL` order.
    mutating func insert(_ candidate: Candidate, details: String) throws {
        let profile = candidate.profile
        bind(candidate.id.rawValue)
        bind(profile.name)
        bind(profile.email)
        bind(profile.phone)
        bind(StoredCity.column(profile.location.city))
        bind(profile.location.country)
        bind(profile.timeZone)
        bind(profile.region.rawValue)
        bind(profile.remotePreference.rawValue)
        bind(profile.openToRelocation)
        bind(profile.headline)
        bind(profile.summary)
        bind(profile.availability.status.rawValue)
        bind(profile.availability.until?.description)
        bind(profile.contactPreferences.doNotContact)
        bind(profile.ownerID?.rawValue)
        bind(profile.homePracticeID?.rawValue)
        bind(profile.source.kind.rawValue)
        bind(profile.source.referrerID?.rawValue)
        bind(details)
        bind(StoredTime.milliseconds(candidate.createdAt))
        bind(StoredTime.milliseconds(candidate.updatedAt))
        bind(candidate.version)
        try step()
    }

    /// One `candidate_skill` row, columns in `CandidateRows.insertSkillSQL` order.
    mutating func insert(_ skill: CandidateSkill, candidateID: Int64, position index: Int) throws {
        bind(candidateID)
        bind(skill.skillID.rawValue)
        bind(skill.level)
        bind(skill.years)
        bind(skill.lastUsed.map(Int64.init))
        bind(skill.wantsToGrow)
        bind(index)
        try step()
    }
}

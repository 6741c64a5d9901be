import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// Brings people in from JSON Resume files: reads each record leniently, turns it into a profile, matches it to
/// someone already held by e-mail address, and stores a file's records in one transaction through `FirmRecords`,
/// so they are checked and routed as the API would, all or nothing.
public struct CandidateImporter: Sendable {
    let records: FirmRecords
    let normalizer: SkillNormalizer
    let extractor: SkillExtractor

    public init(records: FirmRecords, taxonomy: Taxonomy) {
        self.records = records
        normalizer = SkillNormalizer(taxonomy: taxonomy)
        extractor = SkillExtractor(taxonomy: taxonomy)
    }

    /// Imports one file of JSON Resume documents: one résumé, a list of them, or JSON Lines (`.jsonl`, `.ndjson`).
    public func importResumes(_ file: ImportFile, options: ImportOptions) async throws -> ImportReport {
        let documents: [(Int, Data)]
        do {
            documents = try file.records()
        } catch {
            return ImportReport(unreadable: file, format: ImportFormat.jsonResume.rawValue, dryRun: options.dryRun, error)
        }
        let records = documents.map { number, data in PersonRecord(number: number, read: { () throws(FormatError) in try JSONResume.read(data) }) }
        return try await importPeople(records, from: file, format: ImportFormat.jsonResume.rawValue, options: options)
    }

    /// Imports a CSV export of people: each row read through the column mapping (recognised headers, and `mapping`,
    /// a JSON object from column names to fields) into a résumé, and reported by its row number and column names.
    public func importCSV(_ file: ImportFile, mapping: Data? = nil, options: ImportOptions) async throws -> ImportReport {
        let table: CSVTable
        var columns: CSVColumnMapping
        do throws(FormatError) {
            guard file.data.count <= ImportFile.maximumBytes else {
                throw FormatError("is \(file.data.count / 1_048_576) MiB; the most one import reads is \(ImportFile.maximumBytes / 1_048_576) MiB")
            }
            table = try CSVTable.read(file.data)
            var overrides: [String: String] = [:]
            if let mapping { overrides = try CSVColumnMapping.overrides(from: mapping) }
            columns = try CSVColumnMapping(header: table.header, overrides: overrides)
            columns.idSource = options.idSource
        } catch {
            return ImportReport(unreadable: file, format: ImportFormat.csv.rawValue, dryRun: options.dryRun, error)
        }
        let records = table.rows.map { number, fields in
            let (document, names) = columns.resume(fields)
            return PersonRecord(number: number, read: { () throws(FormatError) in try JSONResume.read(document) }, columns: names)
        }
        var report = try await importPeople(records, from: file, format: ImportFormat.csv.rawValue, options: options)
        report.notes = [table.reading, "Columns used: \(columns.described)."]
            + (columns.unused.isEmpty ? [] : ["Columns passed over: \(columns.unused.joined(separator: ", ")) (name them in a mapping file to use them)."])
        return report
    }

    /// One person of a file: where it is, how to read it, and which column each JSON pointer came from (CSV).
    struct PersonRecord: Sendable {
        var number: Int
        var read: @Sendable () throws(FormatError) -> (resume: JSONResume, issues: [FormatIssue])
        var columns: [String: String] = [:]

        /// The column a pointer came from (its own, or its parent's); for a CSV field no column gives, the field's
        /// name; otherwise the pointer itself.
        func field(_ pointer: String) -> String {
            guard !columns.isEmpty else { return pointer }
            var path = pointer
            while !path.isEmpty {
                if let column = columns[path] { return column }
                path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            }
            if pointer == "/work" { return "work history" }
            return CSVColumnMapping.field(ofPointer: pointer).map { "\($0.rawValue) (no column)" } ?? pointer
        }
    }

    /// Saves a CV's draft as the recruiter corrected it, as one imported résumé named after the CV file: checked,
    /// matched by e-mail address and recorded as any import is.
    public func importDraft(_ draft: CVDraft, fileName: String, options: ImportOptions) async throws -> ImportReport {
        let document = draft.resume
        let record = PersonRecord(number: 1, read: { () throws(FormatError) in try JSONResume.read(document) })
        return try await importPeople([record], from: ImportFile(name: fileName, data: Data()), format: "cv", options: options)
    }

    /// A record read and converted, with what validating the converted profile found (a profile merged into someone
    /// held is validated again); the profile is nil when the record cannot be read.
    struct Converted: Sendable {
        var issues: [FormatIssue]
        var profile: CandidateProfile?
        var basics: JSONResume.Basics?
        var notes: [NoteDraft] = []
        var ids: [ExternalID] = []
        var validation: [FormatIssue] = []
    }

    static func convert(_ person: PersonRecord, with conversion: ResumeConversion) -> Converted {
        var issues: [FormatIssue] = []
        do {
            let (resume, readIssues) = try person.read()
            issues = readIssues
            let profile = conversion.profile(from: resume, issues: &issues)
            let notes = conversion.notes(resume.notes, issues: &issues)
            return Converted(issues: issues, profile: profile, basics: resume.basics, notes: notes,
                             ids: resume.externalIDs.map { ExternalID(source: $0.source, value: $0.value) },
                             validation: profile.map { validation(of: $0, today: conversion.today) } ?? [])
        } catch {
            return Converted(issues: [FormatIssue(field: "", error.message, severity: .error)], profile: nil, basics: nil)
        }
    }

    static func validation(of profile: CandidateProfile, today: LocalDate) -> [FormatIssue] {
        do {
            try profile.validate(today: today)
            return []
        } catch {
            guard case .invalid(let broken) = error else { return [] }
            return broken.map { FormatIssue(field: $0.field, $0.message, severity: .error) }
        }
    }

    /// A record decided but for its likely duplicates, which are looked up for its whole batch at once.
    private struct Pending {
        /// Its place in the file's records, and in the report.
        var position: Int
        var issues: [FormatIssue]
        var keys: [String] = []
        var excluding: CandidateID?
        /// An earlier record of the same file it may be.
        var inFile: FormatIssue?
    }

    /// What checking a file remembers from batch to batch.
    private struct FileMemory {
        var seenEmails: [String: Int] = [:]
        var seenIDs: [String: Int] = [:]
        /// Identity keys of the file's records so far, with the record that had each.
        var seenKeys: [String: Int] = [:]
    }

    /// The changes one batch plans, with each one's place in the file and what it brings besides the profile.
    private struct Decided: Sendable {
        var changes: [CandidateChange] = []
        var positions: [Int] = []
        var extras: [ImportedExtras] = []
    }

    private func importPeople(_ people: [PersonRecord], from file: ImportFile, format: String, options: ImportOptions) async throws
        -> ImportReport {
        let conversion = ResumeConversion(normalizer: normalizer, extractor: extractor, desk: options.region, today: records.today,
                                          timeZones: .system)
        // A batch (`options.batchSize`) is read together, checked with one read for its addresses and ids and one for
        // its identity keys, and written at once; it is converted on every core while the one before is written.
        let batches = stride(from: 0, to: people.count, by: options.batchSize).map { $0..<min($0 + options.batchSize, people.count) }
        var report = ImportReport(format: format, dryRun: options.dryRun, committed: false, records: [])
        report.records.reserveCapacity(people.count)
        if options.dryRun {
            let (checked, _) = try await check(batches, of: people, file: file, conversion: conversion, lookups: records.store, writer: nil,
                                               report: report, options: options)
            report = checked
            if report.stopsFile(options) { report.markStopped(file) }
            return report
        }
        // One transaction for the file, written batch by batch: stored whole, or (a record refused without
        // --commit-valid, or any failure) not at all.
        let provenance = ImportProvenance(format: format, fileName: file.name, runBy: options.runBy, records: [])
        let empty = report
        let outcome: Result<(ImportReport, [(Int, Int64)]), StoppedFile>
        do {
            outcome = .success(try await records.importCandidates(provenance: provenance) { writer in
                let (report, stored) = try await check(batches, of: people, file: file, conversion: conversion, lookups: writer, writer: writer,
                                                       report: empty, options: options)
                if report.stopsFile(options) { throw StoppedFile(report: report) }
                return (report, stored)
            })
        } catch let stop as StoppedFile {
            outcome = .failure(stop)
        }
        switch outcome {
        case .success(let (written, stored)):
            report = written
            for (position, id) in stored { report.records[position].candidateID = id }
            try await report.recordUnresolvedSkills(of: stored.map(\.0), firm: records, normalizer: normalizer)
            report.committed = true
        case .failure(let stop):
            report = stop.report
            report.markStopped(file)
        }
        return report
    }

    /// What a stage of the pipeline hands back: a batch read and converted, or a batch written.
    private enum Stage: Sendable {
        case converted(Int, [Converted])
        case written([(Int, Int64)])
    }

    /// Checks the batches in order, and writes each through `writer` (when given) unless the file is stopped. Three
    /// stages overlap: the next batch is read and converted on every core while this one is checked against
    /// `lookups` and the file, and the one before is written. Answers the report and each stored record's place and id.
    private func check(_ batches: [Range<Int>], of people: [PersonRecord], file: ImportFile, conversion: ResumeConversion,
                       lookups: any ImportLookups, writer: CandidateImport?, report given: ImportReport, options: ImportOptions) async throws
        -> (ImportReport, [(Int, Int64)]) {
        var report = given
        var memory = FileMemory()
        var stored: [(Int, Int64)] = []
        try await withThrowingTaskGroup(of: Stage.self) { group in
            func convert(_ index: Int) {
                guard index < batches.count else { return }
                let part = Array(people[batches[index]])
                group.addTask { .converted(index, await part.concurrentMap { Self.convert($0, with: conversion) }) }
            }
            var converted: [Int: [Converted]] = [:]
            var writing = 0
            convert(0)
            for (index, batch) in batches.enumerated() {
                // Wait for this batch's records, and for all but the last batch to be written: one batch is written
                // while the next is checked, and no more are held.
                waiting: while converted[index] == nil || writing > 1 {
                    guard let stage = try await group.next() else { break waiting }
                    switch stage {
                    case .converted(let done, let records): converted[done] = records
                    case .written(let written):
                        writing -= 1
                        stored += written
                    }
                }
                convert(index + 1)
                let decided = try await decide(batch, converted.removeValue(forKey: index) ?? [], of: people, file: file, lookups: lookups,
                                               memory: &memory, report: &report, options: options)
                // Once a record stops the file, nothing more is written: it is all rolled back at the end.
                guard let writer, !report.stopsFile(options), !decided.changes.isEmpty else { continue }
                group.addTask {
                    let written = try await writer.apply(decided.changes, records: decided.positions.map { people[$0].number },
                                                         extras: decided.extras)
                    return .written(Array(zip(decided.positions, written.map(\.id.rawValue))))
                }
                writing += 1
            }
            while let stage = try await group.next() {
                if case .written(let written) = stage { stored += written }
            }
        }
        return (report, stored)
    }

    /// Ends an import whose file a refused record stops, rolling back what it wrote, with the report so far.
    private struct StoppedFile: Error {
        var report: ImportReport
    }

    /// Checks one batch of converted records against what is held (`lookups`) and against the file's earlier
    /// records, adds their report records, and answers the changes they plan.
    private func decide(_ batch: Range<Int>, _ converted: [Converted], of people: [PersonRecord], file: ImportFile, lookups: any ImportLookups,
                        memory: inout FileMemory, report: inout ImportReport, options: ImportOptions) async throws -> Decided {
        let held = try await lookups.heldPeople(emails: converted.compactMap { $0.profile.map { EmailAddress.canonical($0.email) } },
                                                externalIDs: converted.flatMap(\.ids))
        var decided = Decided()
        var pending: [Pending] = []
        for (position, record) in zip(batch, converted) {
            let person = people[position]
            let line = person.number
            options.progress?(position, people.count)
            var (issues, profile, notes, ids) = (record.issues, record.profile, record.notes, record.ids)
            // A refused person is still named in the report, as far as the record names them.
            var entry = ImportReport.Record(file: file.name, record: line, outcome: .rejected, candidateID: nil, name: profile?.name ?? record.basics?.name,
                                            email: profile?.email ?? record.basics?.email, issues: [], unresolvedSkills: profile?.unresolvedSkills ?? [])
            var check = Pending(position: position, issues: [])
            if var profile {
                let key = EmailAddress.normalized(profile.email)
                if let first = memory.seenEmails[key] {
                    issues.append(FormatIssue(field: "/basics/email", "is the e-mail address of record \(first) in this file; merge them first",
                                              severity: .error))
                } else {
                    memory.seenEmails[key] = line
                    for id in ids {
                        let key = HeldPeople.key(of: id)
                        if let first = memory.seenIDs[key] {
                            issues.append(FormatIssue(field: "/externalIDs/\(id.source)", "is the id of record \(first) in this file too; "
                                                      + "one id is one person", severity: .error))
                        }
                        memory.seenIDs[key] = memory.seenIDs[key] ?? line
                    }
                    // The person held with this address, or else with one of these ids in the system the file comes from.
                    let byEmail = held.candidate(email: profile.email)
                    let byID = ids.lazy.compactMap { id in held.candidate(externalID: id).map { ($0, id) } }.first
                    if let byEmail, let (other, id) = byID, other.id != byEmail.id {
                        issues.append(FormatIssue(field: "/externalIDs/\(id.source)", "\(id.value) is candidate \(other.id)'s id, but the e-mail "
                                                  + "address is candidate \(byEmail.id)'s; merge the two first", severity: .error))
                    }
                    let existing = byEmail ?? byID?.0
                    if let existing {
                        let address = profile.email
                        profile = Self.merged(profile, into: existing.profile)
                        // Found by their id: the address the source has now is theirs.
                        if byEmail == nil, let (_, id) = byID {
                            issues.append(FormatIssue(field: "/basics/email", "was \(existing.profile.email) for this person (found by their "
                                                      + "\(id.source) id \(id.value)); changed to \(address)"))
                            profile.email = address
                        }
                        issues += Self.validation(of: profile, today: records.today)
                    } else {
                        issues += record.validation
                    }
                    if !issues.contains(where: { $0.severity == .error }) {
                        var change: CandidateChange?
                        if let existing {
                            // Notes the person already has are not news; new ones make the record an update.
                            let heldNotes = Set(held.notes[existing.id] ?? [])
                            notes = notes.filter { !heldNotes.contains($0) }
                            let heldIDs = held.externalIDs[existing.id] ?? []
                            ids = ids.filter { id in
                                !heldIDs.contains { $0.source.caseInsensitiveCompare(id.source) == .orderedSame && $0.value == id.value }
                            }
                            entry.candidateID = existing.id.rawValue
                            entry.outcome = profile == existing.profile && notes.isEmpty && ids.isEmpty ? .unchanged : .updated
                            if entry.outcome == .updated { change = .update(existing.id, expectedVersion: existing.version, profile) }
                        } else {
                            entry.outcome = .created
                            change = .create(profile)
                        }
                        if let change {
                            decided.changes.append(change)
                            decided.positions.append(position)
                            decided.extras.append(ImportedExtras(notes: notes, externalIDs: ids))
                        }
                        check.keys = IdentityKeys.keys(for: profile)
                        check.excluding = existing?.id
                        // Someone earlier in the same file.
                        if let key = check.keys.first(where: { memory.seenKeys[$0] != nil }), let earlier = memory.seenKeys[key] {
                            check.inFile = FormatIssue(field: "/basics", "may be the same person as record \(earlier) of this file: "
                                                       + "\(IdentityKeys.reason(key)); compare them before contacting either")
                        }
                        for key in check.keys where memory.seenKeys[key] == nil { memory.seenKeys[key] = line }
                    }
                }
            }
            if issues.contains(where: { $0.severity == .error }) { entry.outcome = .rejected }
            check.issues = issues
            pending.append(check)
            report.records.append(entry)
        }
        // Someone else held with the same phone, or the same name and profile link: said, never merged.
        let holders = Dictionary(grouping: try await lookups.keyHolders(Array(Set(pending.flatMap(\.keys)))), by: \.key)
        for var check in pending {
            let found = check.keys.flatMap { holders[$0] ?? [] }
            for duplicate in LikelyDuplicate.found(in: found, excluding: check.excluding).prefix(3) {
                report.records[check.position].likelyDuplicates.append(
                    ImportReport.Duplicate(candidateID: duplicate.candidateID.rawValue, name: duplicate.name, reason: duplicate.reason))
                check.issues.append(FormatIssue(field: "/basics", "may be the same person as candidate \(duplicate.candidateID) "
                                                + "(\(duplicate.name)): \(duplicate.reason); compare them before contacting either"))
            }
            if let inFile = check.inFile { check.issues.append(inFile) }
            let person = people[check.position]
            report.records[check.position].issues = check.issues.map {
                ImportReport.Issue(FormatIssue(field: person.field($0.field), $0.message, severity: $0.severity))
            }
        }
        return decided
    }

    /// The person as held, with what the résumé states laid over it: their goals, preferences, consents, owner and
    /// desk stay as the firm recorded them; skills the firm already rated keep their level.
    static func merged(_ imported: CandidateProfile, into held: CandidateProfile) -> CandidateProfile {
        var profile = held
        profile.name = imported.name
        profile.phone = imported.phone ?? held.phone
        profile.links = held.links + imported.links.filter { !held.links.contains($0) }
        profile.links = Array(profile.links.prefix(10))
        if imported.location.city != nil || imported.location.country != held.location.country { profile.location = imported.location }
        if !imported.headline.isEmpty { profile.headline = imported.headline }
        if !imported.summary.isEmpty { profile.summary = imported.summary }
        if !imported.work.isEmpty { profile.work = imported.work }
        if !imported.education.isEmpty { profile.education = imported.education }
        if !imported.certifications.isEmpty { profile.certifications = imported.certifications }
        if !imported.languages.isEmpty { profile.languages = imported.languages }
        var skills = held.skills
        for skill in imported.skills {
            if let index = skills.firstIndex(where: { $0.skillID == skill.skillID }) {
                skills[index].years = max(skills[index].years, skill.years)
                if let used = skill.lastUsed { skills[index].lastUsed = max(skills[index].lastUsed ?? used, used) }
            } else if skills.count < CandidateProfile.maxSkills {
                skills.append(skill)
            }
        }
        profile.skills = skills
        profile.unresolvedSkills = held.unresolvedSkills + imported.unresolvedSkills.filter { text in
            !held.unresolvedSkills.contains { $0.caseInsensitiveCompare(text) == .orderedSame }
        }
        return profile
    }
}

import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportMatch
import RapportSQLite

extension Bench {
    /// `rapport bench import`: a firm's worth of JSON Resume documents imported the way `rapport import` does it.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time importing N JSON Resume documents (JSON Lines) into a fresh database, against the 30 s target for 100,000.",
            discussion: """
                Writes N seeded synthetic résumés (names, addresses and phones of their own, two or three jobs with \
                highlights naming skills, education, a few skill names the taxonomy does not know, people in eleven \
                countries) to a JSON Lines file in a temporary folder, creates a database there with the standard \
                taxonomy, and imports the file through the same importer as `rapport import`: first as a dry run \
                (reading, converting and checking, nothing written), then for real (one transaction). Reports both \
                times, the rate, the peak memory of the process before and after, and the database's size. Progress \
                goes to stderr. The folder is removed afterwards unless --keep is given.
                """)

        @Option(help: "Résumés to generate and import (1 to 1,000,000).")
        var people = 100_000

        @Option(help: "Seed for the synthetic résumés.")
        var seed: UInt64 = 1

        @Flag(help: "Keep the temporary folder (the file and the database) and print where it is.")
        var keep = false

        func validate() throws {
            guard (1...1_000_000).contains(people) else { throw ValidationError("--people must be from 1 to 1000000 (got \(people))") }
        }

        func run() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-import-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
            let file = folder.appendingPathComponent("people.jsonl")
            let clock = ContinuousClock()

            let generating = clock.now
            var generator = SyntheticResumes(seed: seed)
            let data = try generator.jsonLines(count: people)
            try data.write(to: file)
            let generated = clock.now - generating
            FileHandle.standardError.write(Data("Wrote \(people) résumés (\(data.count / 1_048_576) MiB) in \(Self.seconds(generated)).\n".utf8))

            let database = folder.appendingPathComponent("bench.sqlite").path
            let store = try SQLiteStore(path: database)
            let records = FirmRecords(store: store)
            _ = try await StandardTaxonomy.installIfEmpty(into: records)
            let admin = try await records.createUser(UserDetails(email: "admin@rapport.test", name: "Ada Admin", role: .admin, region: .uk))
            let importer = FirmImporter(records: records, taxonomy: try await Taxonomy.current(in: store))
            let before = Self.peakMemory()
            let input = ImportFile(name: "people.jsonl", data: try Data(contentsOf: file, options: .alwaysMapped))

            FileHandle.standardError.write(Data("Dry run (read, convert, check; nothing written)…\n".utf8))
            let checking = clock.now
            let trial = try await importer.run(input, options: ImportOptions(dryRun: true, region: .uk, runBy: admin.id, progress: Self.progress))
            let checked = clock.now - checking
            FileHandle.standardError.write(Data("Import…\n".utf8))
            let importing = clock.now
            let report = try await importer.run(input, options: ImportOptions(region: .uk, runBy: admin.id, progress: Self.progress))
            let imported = clock.now - importing
            let after = Self.peakMemory()

            let stored = try await store.candidates(after: nil, limit: people + 1).count
            let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
            let target = Duration.seconds(30) * (Double(people) / 100_000)
            print("""
                Imported \(report.count(.created)) of \(people) résumés (\(report.count(.rejected)) refused, \(trial.count(.created)) in the dry run); \
                \(stored) people stored.
                  import:   \(Self.seconds(imported)) (\(Int(Double(people) / Self.double(imported))) per second); \
                target \(Self.seconds(target)) for \(people) (30 s per 100,000): \(imported <= target ? "met" : "NOT met"), \
                \(String(format: "%.2f", Self.double(target) / Self.double(imported)))x the target's allowance
                  dry run:  \(Self.seconds(checked)) reading, converting and checking; the rest of the import, \
                \(Self.seconds(max(.zero, imported - checked))), is the one transaction that writes
                  memory:   peak \(after / 1_048_576) MiB (\(before / 1_048_576) MiB before importing; the file is \(data.count / 1_048_576) MiB)
                  database: \(size / 1_048_576) MiB
                """)
            if keep { print("Kept \(folder.path)") }
        }

        @Sendable static func progress(_ done: Int, _ total: Int) {
            guard total >= 10_000, done % (total / 10) == 0, done > 0 else { return }
            FileHandle.standardError.write(Data("  \(done * 100 / total)% (\(done) of \(total))\n".utf8))
        }

        /// The process's peak resident memory (VmHWM), in bytes; 0 where /proc is not there.
        static func peakMemory() -> Int {
            guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
            return kilobytes * 1024
        }

        static func double(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        static func seconds(_ duration: Duration) -> String { String(format: "%.1f s", double(duration)) }
    }
}

/// Seeded résumés as people's files look: varied names and places, jobs whose highlights name the skills used, some
/// skills the taxonomy does not know, and contact details of their own (so no two are likely duplicates).
struct SyntheticResumes {
    var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    static let given = ["Ana", "Ben", "Chloé", "Daniel", "Ema", "Farid", "Grace", "Hiro", "Isla", "Jack", "Kiri", "Liam", "Mei", "Noah",
                        "Olivia", "Priya", "Quentin", "Rangi", "Sofia", "Tom", "Uma", "Victor", "Wiremu", "Xin", "Yusuf", "Zoë"]
    static let family = ["Lima", "Okoro", "Ng", "Smith", "Tane", "Müller", "Patel", "O'Brien", "Chan", "García", "Kowalski", "Brown",
                         "Nguyen", "Walker", "Singh", "Rossi", "Kim", "Ngata", "Wong", "Taylor", "Cohen", "Haddad"]
    static let places: [(city: String, region: String?, country: String, phone: String)] = [
        ("London", nil, "GB", "+44 7700 9"), ("Leeds", nil, "GB", "+44 7700 8"), ("Manchester", nil, "GB", "+44 7700 7"),
        ("Seattle", "WA", "US", "+1 206 55"), ("Austin", "TX", "US", "+1 512 55"), ("New York", "NY", "US", "+1 212 55"),
        ("Auckland", nil, "NZ", "+64 21 55"), ("Wellington", nil, "NZ", "+64 22 55"), ("Hong Kong", nil, "HK", "+852 55"),
        ("Sydney", "NSW", "AU", "+61 412 5"), ("Berlin", nil, "DE", "+49 151 5"), ("Bengaluru", nil, "IN", "+91 98450 5"),
    ]
    static let skills = ["Kubernetes", "Go", "Python", "Java", "TypeScript", "React", "AWS", "Terraform", "PostgreSQL", "Docker",
                         "Kafka", "Spark", "SQL", "Rust", "C#", "Node.js", "GraphQL", "Swift", "Kotlin", "Azure", "Spring Boot", "Redis"]
    static let unknown = ["Vercel AI SDK", "LangGraph", "Temporal.io", "dbt Cloud", "Pulumi ESC"]
    static let titles = ["Software Engineer", "Platform Engineer", "Data Engineer", "Site Reliability Engineer", "Backend Developer",
                         "Frontend Developer", "Engineering Manager", "DevOps Engineer", "Machine Learning Engineer"]
    static let employers = ["Fjord Analytics", "Acme Bank", "Kiwi Freight", "Harbour Health", "Northwind", "Tidal Energy", "Orbit Retail",
                            "Summit Insurance", "Pioneer Games", "Lumen Media"]
    static let schools = ["University of Leeds", "University of Auckland", "University of Washington", "HKUST", "TU Berlin", "IIT Madras"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    mutating func jsonLines(count: Int) throws -> Data {
        var out = Data()
        out.reserveCapacity(count * 1_400)
        for index in 0..<count {
            let resume = resume(index)
            out.append(try JSONSerialization.data(withJSONObject: resume, options: [.sortedKeys]))
            out.append(0x0A)
        }
        return out
    }

    mutating func resume(_ index: Int) -> [String: Any] {
        let first = pick(Self.given)
        let last = pick(Self.family)
        let place = pick(Self.places)
        let title = pick(Self.titles)
        var location: [String: Any] = ["city": place.city, "countryCode": place.country]
        if let region = place.region { location["region"] = region }
        let handle = (first + last).lowercased().filter { $0.isASCII && $0.isLetter }
        var basics: [String: Any] = [
            "name": "\(first) \(last)", "email": "\(handle).\(index)@example.com", "label": "Senior \(title)", "location": location,
            "summary": "\(title) with \(3 + index % 15) years of building and running production systems.",
        ]
        // Numbers of their own: the index's digits after the place's prefix, so no two people share one.
        if index % 50 != 0 { basics["phone"] = place.phone + String(format: "%06d", index % 1_000_000) }
        if index % 2 == 0 { basics["profiles"] = [["network": "GitHub", "url": "https://github.com/\(handle)\(index)"]] }
        var used = (0..<(4 + Int(random.next() % 4))).map { _ in pick(Self.skills) }
        used = used.enumerated().filter { position, name in !used[..<position].contains(name) }.map(\.element)
        var skills: [[String: Any]] = used.map { ["name": $0, "level": pick(["Beginner", "Intermediate", "Advanced", "Expert"])] }
        if index % 20 == 0 { skills.append(["name": pick(Self.unknown)]) }
        var work: [[String: Any]] = []
        var year = 2025
        for job in 0..<(2 + Int(random.next() % 2)) {
            let length = 1 + Int(random.next() % 4)
            var entry: [String: Any] = [
                "name": pick(Self.employers), "position": job == 0 ? "Senior \(title)" : title,
                "startDate": "\(year - length)-\(String(format: "%02d", 1 + Int(random.next() % 12)))",
                "highlights": ["Moved \(10 + index % 40) services to \(pick(used)) and cut deploy time by half",
                               "Led the \(pick(used)) migration with a team of \(2 + index % 6)"],
            ]
            if job > 0 { entry["endDate"] = "\(year)-\(String(format: "%02d", 1 + Int(random.next() % 12)))" }
            work.append(entry)
            year -= length + 1
        }
        var resume: [String: Any] = ["basics": basics, "skills": skills, "work": work,
                                     "languages": [["language": "English", "fluency": "Native speaker"]]]
        if index % 10 < 7 {
            resume["education"] = [["institution": pick(Self.schools), "studyType": "BSc", "area": "Computer Science",
                                    "startDate": "\(year - 4)", "endDate": "\(year - 1)"]]
        }
        return resume
    }
}

/// A small seeded generator (SplitMix64), so the same seed writes the same file.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation

/// Seeded résumés as people's files look: varied names and places, jobs whose highlights name the skills used, some
/// skills the taxonomy does not know, and contact details of their own (so no two are likely duplicates).
public struct SyntheticResumes: Sendable {
    var random: DemoRandom

    public init(seed: UInt64) { random = DemoRandom(seed: seed) }

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

    mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }

    /// `count` résumés, one JSON document per line.
    public mutating func jsonLines(count: Int) throws -> Data {
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
        var used = (0..<(4 + random.below(4))).map { _ in pick(Self.skills) }
        used = used.enumerated().filter { position, name in !used[..<position].contains(name) }.map(\.element)
        var skills: [[String: Any]] = used.map { ["name": $0, "level": pick(["Beginner", "Intermediate", "Advanced", "Expert"])] }
        if index % 20 == 0 { skills.append(["name": pick(Self.unknown)]) }
        var work: [[String: Any]] = []
        var year = 2025
        for job in 0..<(2 + random.below(2)) {
            let length = 1 + random.below(4)
            var entry: [String: Any] = [
                "name": pick(Self.employers), "position": job == 0 ? "Senior \(title)" : title,
                "startDate": "\(year - length)-\(String(format: "%02d", 1 + random.below(12)))",
                "highlights": ["Moved \(10 + index % 40) services to \(pick(used)) and cut deploy time by half",
                               "Led the \(pick(used)) migration with a team of \(2 + index % 6)"],
            ]
            if job > 0 { entry["endDate"] = "\(year)-\(String(format: "%02d", 1 + random.below(12)))" }
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

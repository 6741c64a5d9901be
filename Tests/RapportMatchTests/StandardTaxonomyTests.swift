import Foundation
import RapportCore
import Testing
@testable import RapportMatch

/// The shipped skill taxonomy keeps the promises of `scripts/taxonomy/build.py`: the demo's ids, clean aliases,
/// resolvable relations and the examples the product relies on.
@Suite("Standard taxonomy")
struct StandardTaxonomyTests {
    private let entries = StandardTaxonomy.entries

    private var byName: [String: StandardTaxonomy.Entry] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })
    }

    private func entry(_ name: String) throws -> StandardTaxonomy.Entry {
        try #require(byName[name], "no skill named \(name)")
    }

    // MARK: - Ids and names

    @Test("ids 1…210 are the demo taxonomy, unchanged")
    func demoPrefix() throws {
        let demo = try DemoTaxonomySource.entries()
        #expect(demo.count == 210)
        for (index, skill) in demo.enumerated() {
            let entry = try #require(entries.count > index ? entries[index] : nil)
            #expect(entry.id == SkillID(Int64(index + 1)))
            #expect(entry.name == skill.name, "id \(index + 1)")
            #expect(entry.category == skill.category, "\(skill.name)")
            #expect((entry.practice?.rawValue ?? "-") == skill.practice, "\(skill.name)")
            let missing = skill.aliases.filter { !entry.aliases.contains($0) }
            #expect(missing.isEmpty, "\(skill.name) lost demo aliases \(missing)")
        }
    }

    @Test("at least 1,500 skills with contiguous ids 1…N")
    func contiguousIDs() {
        #expect(entries.count >= 1500)
        #expect(entries.map(\.id) == (1...entries.count).map { SkillID(Int64($0)) })
    }

    @Test("names are unique ignoring case and clean")
    func uniqueNames() {
        var seen: [String: String] = [:]
        for entry in entries {
            #expect(entry.name == entry.name.trimmingCharacters(in: .whitespaces) && !entry.name.isEmpty)
            #expect(!entry.name.contains("|") && !entry.name.contains("\t"))
            if let other = seen.updateValue(entry.name, forKey: entry.name.lowercased()) {
                Issue.record("\(entry.name) and \(other) differ only in case")
            }
        }
    }

    @Test("canonical names carry no version numbers: no Java 17 beside Java")
    func noVersionedNames() {
        var keys: Set<String> = []
        for entry in entries {
            keys.insert(Self.key(entry.name))
            keys.formUnion(entry.aliases.map(Self.key))
        }
        let versioned = /^(.+?) v?\d+(\.\d+)*$/
        for entry in entries {
            guard let match = entry.name.wholeMatch(of: versioned) else { continue }
            #expect(!keys.contains(Self.key(String(match.1))), "\(entry.name) is a version of \(match.1)")
        }
    }

    // MARK: - Aliases

    @Test("no alias collides with another skill's name or alias once normalised")
    func aliasCollisions() {
        var owner: [String: String] = [:]
        for entry in entries {
            owner[Self.key(entry.name)] = entry.name
        }
        for entry in entries {
            for alias in entry.aliases {
                let key = Self.key(alias)
                if let other = owner[key], other != entry.name {
                    Issue.record("alias \(alias) of \(entry.name) collides with \(other)")
                }
                owner[key] = entry.name
            }
        }
    }

    @Test("aliases are non-empty, clean and never the skill's own name")
    func aliasesAreClean() {
        for entry in entries {
            for alias in entry.aliases {
                #expect(!Self.key(alias).isEmpty, "empty alias of \(entry.name)")
                #expect(alias == alias.trimmingCharacters(in: .whitespaces))
                #expect(!alias.contains("|") && !alias.contains("\t"))
                #expect(alias.lowercased() != entry.name.lowercased(), "\(entry.name) lists itself as an alias")
            }
        }
    }

    @Test("no new alias is a single letter or a common English word")
    func noEverydayAliases() throws {
        let demoAliases = Set(try DemoTaxonomySource.entries().flatMap(\.aliases))
        for entry in entries {
            for alias in entry.aliases where !demoAliases.contains(alias) {
                let key = Self.key(alias)
                #expect(key.count > 1, "\(alias) of \(entry.name) is a single character")
                #expect(!Self.everydayWords.contains(key), "\(alias) of \(entry.name) is an everyday word")
            }
        }
    }

    @Test(
        "the aliases people write map to the canonical skill",
        arguments: [
            ("k8s", "Kubernetes"), ("golang", "Go"), ("ReactJS", "React"), ("React.js", "React"),
            ("C-Sharp", "C#"), ("JS", "JavaScript"), ("Postgres", "PostgreSQL"), ("Amazon Web Services", "AWS"),
            ("Oracle Java", "Java"), ("Microsoft SQL Server", "SQL Server"), ("VueJS", "Vue.js"), ("TS", "TypeScript"),
            ("S/4HANA", "SAP S/4HANA"), ("SFDC", "Salesforce"), ("EC2", "Amazon EC2"), ("GKE", "Google Kubernetes Engine"),
            ("sklearn", "scikit-learn"), ("RAG", "Retrieval-Augmented Generation"), ("CKA", "Certified Kubernetes Administrator"),
            ("ELK Stack", "Elastic Stack"), ("Spring Framework", "Spring"), ("Objective C", "Objective-C"), ("cpp", "C++"),
        ]
    )
    func knownAliases(alias: String, name: String) throws {
        let owners = entries.filter { entry in entry.aliases.contains { Self.key($0) == Self.key(alias) } }
        #expect(owners.map(\.name) == [name])
    }

    // MARK: - Relations

    @Test("implies and related name existing skills, never the skill itself")
    func relationsResolve() {
        let names = Set(entries.map(\.name))
        for entry in entries {
            for target in entry.implies + entry.related {
                #expect(names.contains(target), "\(entry.name) names unknown skill \(target)")
                #expect(target != entry.name, "\(entry.name) relates to itself")
            }
        }
    }

    @Test("implies has no cycles: Spring Boot → Spring → Java ends")
    func impliesIsAcyclic() {
        let implies = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.implies) })
        var done: Set<String> = []
        var onPath: Set<String> = []
        func visit(_ name: String) -> Bool {
            if done.contains(name) { return true }
            if !onPath.insert(name).inserted { return false }
            defer { onPath.remove(name) }
            for target in implies[name] ?? [] where !visit(target) {
                Issue.record("implies cycle through \(name) → \(target)")
                return false
            }
            done.insert(name)
            return true
        }
        for entry in entries {
            _ = visit(entry.name)
        }
    }

    @Test(
        "frameworks, services and certifications imply what they are built on",
        arguments: [
            ("Spring", "Java"), ("Django", "Python"), ("Next.js", "React"), ("Spring Boot", "Spring"),
            ("Ruby on Rails", "Ruby"), ("Laravel", "PHP"), ("Flask", "Python"), ("ASP.NET Core", "C#"),
            ("ASP.NET Core", ".NET"), ("Angular", "TypeScript"), ("Amazon EKS", "AWS"), ("Amazon EKS", "Kubernetes"),
            ("Azure Kubernetes Service", "Azure"), ("Google Kubernetes Engine", "Kubernetes"), ("Hibernate", "JPA"),
            ("SwiftUI", "Swift"), ("Jetpack Compose", "Kotlin"), ("Flutter", "Dart"), ("Lightning Web Components", "Salesforce"),
            ("SAP FICO", "SAP"), ("Certified Kubernetes Administrator", "Kubernetes"), ("NestJS", "TypeScript"),
        ]
    )
    func knownImplications(from: String, to: String) throws {
        #expect(try entry(from).implies.contains(to))
    }

    @Test(
        "alternatives are related, in either direction",
        arguments: [
            ("React", "Vue.js"), ("AWS", "Azure"), ("PostgreSQL", "MySQL"), ("Apache Kafka", "RabbitMQ"),
            ("Terraform", "Pulumi"), ("Jenkins", "GitLab CI"), ("Jira", "Azure Boards"), ("SAP S/4HANA", "Oracle Fusion Cloud ERP"),
            ("Power BI", "Tableau"), ("Kotlin", "Java"), ("Flutter", "React Native"), ("Splunk", "Microsoft Sentinel"),
        ]
    )
    func knownRelations(one: String, other: String) throws {
        let first = try entry(one)
        let second = try entry(other)
        #expect(first.related.contains(other) || second.related.contains(one))
    }

    @Test("at least 300 implies and 400 related links")
    func relationCounts() {
        #expect(entries.reduce(0) { $0 + $1.implies.count } >= 300)
        #expect(entries.reduce(0) { $0 + $1.related.count } >= 400)
    }

    @Test("store skills carry every relation as ids")
    func storeSkillsResolveRelations() throws {
        let skills = StandardTaxonomy.skills { PracticeID(Int64(StandardPractice.allCases.firstIndex(of: $0)! + 1)) }
        #expect(skills.count == entries.count)
        for (skill, entry) in zip(skills, entries) {
            #expect(skill.implies.count == entry.implies.count)
            #expect(skill.related.count == entry.related.count)
        }
        let spring = try #require(skills.first { $0.name == "Spring" })
        let java = try #require(skills.first { $0.name == "Java" })
        #expect(spring.implies == [java.id])
        #expect(java.practiceID == PracticeID(1))
    }

    // MARK: - Categories, practices, flags

    @Test("categories come from the small documented vocabulary")
    func categories() {
        let used = Set(entries.map(\.category))
        #expect(used.isSubset(of: Self.categories), "unexpected categories \(used.subtracting(Self.categories))")
    }

    @Test("every desk has skills, and general skills have none")
    func practices() throws {
        for practice in StandardPractice.allCases {
            #expect(entries.filter { $0.practice == practice }.count >= 30, "\(practice) has few skills")
        }
        #expect(try entry("Git").practice == nil)
        #expect(try entry("Spring").practice == .java)
        #expect(try entry("SAP ABAP").practice == .erp)
    }

    @Test("O*NET hot and in-demand flags are carried over")
    func flags() throws {
        #expect(try entry("Python").hot && entry("Python").inDemand)
        #expect(try entry("Apache Kafka").hot)
        #expect(entries.filter(\.hot).count >= 50)
        #expect(entries.filter(\.inDemand).count >= 50)
    }

    @Test("the version is a dated release")
    func version() {
        #expect(StandardTaxonomy.version.wholeMatch(of: /\d{4}\.\d{1,2}\.\d+/) != nil)
    }

    // MARK: - Helpers

    /// Rule 3's comparison key: lowercase without spaces, dots, hyphens, underscores or slashes.
    static func key(_ text: String) -> String {
        String(text.lowercased().filter { !($0.isWhitespace || ".-_/".contains($0)) })
    }

    static let categories: Set<String> = [
        "language", "framework", "library", "database", "data", "cloud", "devops", "platform", "tool", "testing",
        "security", "network", "erp", "crm", "integration", "practice", "certification",
    ]

    /// Everyday words that must not be aliases, however often a source spells a technology that way.
    static let everydayWords: Set<String> = [
        "go", "make", "swift", "rust", "spring", "shell", "assembly", "express", "rails", "flash", "camel", "eclipse",
        "hive", "swing", "max", "reason", "salt", "thrift", "sage", "metal", "console", "progress", "apples", "coffee",
        "cake", "rake", "inc", "flex", "glide", "lucid", "monday", "remedy", "concur", "kettle", "impala",
        "superset", "parquet", "posit", "dash", "ray", "stitch", "chroma", "lean", "waterfall", "linear", "rally",
        "mural", "notion", "xray", "zephyr", "locust", "insomnia", "pact", "karma", "mocha", "jasmine", "composer",
        "poetry", "echo", "gin", "phoenix", "combine", "sketch", "lit", "room", "backbone", "ember", "aria", "bind",
        "panorama", "ethereal", "aruba", "switching", "kali", "checkpoint", "maya", "unreal", "blaze", "solid",
        "estimation", "profiling", "rendering", "pairing", "sonar", "nexus", "loki", "allure", "serenity",
        "guava", "wicket", "feast", "com", "scm", "dr", "pm", "wp", "hg", "vi", "fp", "gx", "cv",
    ]
}

/// The demo taxonomy read from its Swift source, which this test target cannot import: the same regular expressions
/// `scripts/taxonomy/build.py` uses.
enum DemoTaxonomySource {
    /// One `SkillEntry(…)` line: practice is the `DemoPractice` case name, or `-` for nil.
    struct Skill {
        let name: String
        let aliases: [String]
        let category: String
        let practice: String
    }

    static func entries() throws -> [Skill] {
        let root = URL(filePath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appending(path: "Sources/RapportDemo/Taxonomy.swift"), encoding: .utf8)
        let order = try #require(text.firstMatch(of: /static let entries: \[SkillEntry\] = ([^\n]+)/))
        let groups = order.1.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [Skill] = []
        for group in groups {
            let start = try #require(text.range(of: "static let \(group): [SkillEntry] = ["))
            let end = try #require(text.range(of: "\n    ]", range: start.upperBound..<text.endIndex))
            let block = text[start.upperBound..<end.lowerBound]
            for match in block.matches(of: /SkillEntry\("([^"]*)", \[([^\]]*)\], "([^"]*)", (nil|\.\w+)\)/) {
                let aliases = match.2.matches(of: /"([^"]*)"/).map { String($0.1) }
                let practice = match.4 == "nil" ? "-" : String(match.4.dropFirst())
                result.append(Skill(name: String(match.1), aliases: aliases, category: String(match.3), practice: practice))
            }
        }
        return result
    }
}

@Suite("Looking skills up as people type them")
struct TaxonomyLookupTests {
    static let taxonomy = Taxonomy(version: 1, skills: StandardTaxonomy.skills { _ in nil })

    @Test("a name or an alias in any case, with spaces around it, names one skill; a part of one names none")
    func named() {
        #expect(Self.taxonomy.named("  spring boot ")?.name == "Spring Boot")
        #expect(Self.taxonomy.named("K8S")?.name == "Kubernetes")
        #expect(Self.taxonomy.named("Jav") == nil)
        #expect(Self.taxonomy.named("") == nil)
    }

    @Test("a prefix suggests names first, shortest first, then aliases")
    func prefix() {
        let suggested = Self.taxonomy.suggestions(prefix: "jav", limit: 5).map(\.name)
        #expect(suggested.first == "Java")
        #expect(suggested.contains("JavaScript") && suggested.contains("JavaFX"))
        #expect(suggested == suggested.sorted { ($0.count, $0) < ($1.count, $1) })
        #expect(Self.taxonomy.suggestions(prefix: "  ").isEmpty)
        #expect(Self.taxonomy.suggestions(prefix: "java", limit: 1).map(\.name) == ["Java"])
    }
}

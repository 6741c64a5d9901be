import RapportCore
@testable import RapportMatch
import Testing

/// A small taxonomy written like the shipped one, with the names the normaliser and extractor tests talk about.
enum TextFixture {
    static let entries: [(name: String, aliases: [String], category: String)] = [
        ("Java", ["Java SE", "JDK", "Core Java"], "language"),
        ("Spring", ["Spring Framework", "Spring MVC"], "framework"),
        ("Spring Boot", ["SpringBoot", "spring-boot"], "framework"),
        ("Hibernate", ["Hibernate ORM"], "framework"),
        ("C#", ["C-Sharp", "CSharp", "C Sharp"], "language"),
        (".NET", ["dotnet", ".NET Core", "dot net", ".NET 8"], "framework"),
        ("ASP.NET Core", ["ASP.NET", "aspnetcore"], "framework"),
        ("F#", ["F-Sharp", "FSharp"], "language"),
        ("SQL Server", ["MSSQL", "MS SQL", "Microsoft SQL Server"], "database"),
        ("T-SQL", ["TSQL", "Transact-SQL"], "language"),
        ("AWS", ["Amazon Web Services"], "cloud"),
        ("Azure", ["Microsoft Azure"], "cloud"),
        ("Google Cloud", ["GCP", "Google Cloud Platform"], "cloud"),
        ("Kubernetes", ["k8s", "kube"], "devops"),
        ("Docker", ["Docker Engine"], "devops"),
        ("Go", ["golang", "Go lang"], "language"),
        ("Rust", ["rustlang"], "language"),
        ("CI/CD", ["CICD", "continuous integration"], "practice"),
        ("Python", ["py", "Python 3", "python3"], "language"),
        ("SQL", ["Structured Query Language"], "language"),
        ("PostgreSQL", ["Postgres", "psql"], "database"),
        ("MySQL", ["MariaDB"], "database"),
        ("NoSQL", [], "database"),
        ("MongoDB", ["Mongo"], "database"),
        ("Apache Spark", ["Spark", "PySpark"], "data"),
        ("R", ["R language", "RStats"], "language"),
        ("C", ["ANSI C"], "language"),
        ("C++", ["CPP", "cplusplus"], "language"),
        ("Data Modelling", ["dimensional modelling"], "practice"),
        ("Statistics", ["stats"], "practice"),
        ("Agile", ["agile delivery"], "practice"),
        ("JavaScript", ["JS", "ECMAScript", "ES6"], "language"),
        ("TypeScript", ["TS"], "language"),
        ("React", ["ReactJS", "React.js"], "framework"),
        ("Angular", ["Angular 2+"], "framework"),
        ("Vue.js", ["Vue", "VueJS", "Vue 3"], "framework"),
        ("Node.js", ["Node", "NodeJS"], "framework"),
        ("Nuxt.js", [], "framework"),
        ("Express", [], "framework"),
        ("Flask", [], "framework"),
        ("Swift", ["Swift 5"], "language"),
        ("SwiftUI", [], "framework"),
        ("Dart", [], "language"),
        ("Ruby", [], "language"),
        ("Ruby on Rails", ["Rails", "RoR"], "framework"),
        ("Julia", [], "language"),
        ("Make", ["GNU Make", "Makefile"], "tool"),
        ("CMake", [], "tool"),
        ("Flutter", [], "framework"),
        ("Chef", ["Chef Infra"], "devops"),
        ("Puppet", [], "devops"),
        ("Ansible", [], "devops"),
        ("Scrum", ["Scrum framework"], "practice"),
        ("SAFe", ["Scaled Agile Framework"], "practice"),
        ("Machine Learning", ["ML"], "data"),
        ("Artificial Intelligence", ["AI"], "data"),
        ("Business Analysis", ["BA", "business analyst"], "practice"),
        ("Active Directory", ["AD", "Azure AD"], "security"),
        ("REST APIs", ["REST", "RESTful"], "practice"),
        ("Microservices", ["microservice architecture"], "practice"),
        ("User Stories", [], "practice"),
        ("Amazon S3", ["S3"], "cloud"),
        ("Amazon EC2", ["EC2"], "cloud"),
        ("D3.js", ["D3"], "framework"),
        ("Neo4j", [], "database"),
        ("Log4j", [], "framework"),
        ("Objective-C", ["ObjC", "Obj-C"], "language"),
        ("Kotlin", [], "language"),
        ("tidyverse", ["ggplot2"], "data"),
        ("Search Engine Optimization", ["SEO"], "marketing"),
        ("Threat Modelling", [], "security"),
        ("Routing and Switching", ["R&S"], "network"),
        ("HTML", ["HTML5"], "language"),
        ("Linux", ["GNU/Linux"], "platform"),
        ("Terraform", [], "devops"),
        ("Kafka", ["Apache Kafka"], "data"),
        ("Jenkins", [], "devops"),
        ("Git", [], "tool"),
        ("Software Asset Management", ["SAM"], "practice"),
        ("BASIC", ["Visual Basic"], "language"),
        ("SOAP", [], "framework"),
        ("Microsoft Excel", ["Excel", "MS Excel"], "tool"),
        ("APL", ["A programming language"], "language"),
        ("Data Center", ["datacenter operations"], "practice"),
        ("Data Visualization", [], "practice"),
    ]

    static let taxonomy = Taxonomy(
        version: 1,
        skills: entries.enumerated().map { index, entry in
            Skill(id: SkillID(Int64(index + 1)), name: entry.name, aliases: entry.aliases, category: entry.category)
        }
    )

    static func id(_ name: String) -> SkillID {
        guard let skill = taxonomy.skills.first(where: { $0.name == name }) else {
            preconditionFailure("the text fixture has no skill named \(name)")
        }
        return skill.id
    }

    /// The shipped taxonomy, built once for all tests.
    static let standard = Taxonomy(version: 1, skills: StandardTaxonomy.skills(practiceID: { _ in nil }))

    static func standardID(_ name: String) -> SkillID? {
        standard.skills.first(where: { $0.name == name })?.id
    }
}

@Suite("Skill normaliser")
struct SkillNormalizerTests {
    let normalizer = SkillNormalizer(taxonomy: TextFixture.taxonomy)

    func skill(_ text: String) -> String? {
        normalizer.normalize(text).skillID.map { TextFixture.taxonomy.name($0) }
    }

    func rule(_ text: String) -> MatchRule? {
        if case .resolved(_, _, let how) = normalizer.normalize(text) { return how }
        return nil
    }

    @Test("Case does not matter", arguments: ["Java", "java", "JAVA", "jAvA"])
    func caseInsensitive(text: String) {
        #expect(normalizer.normalize(text) == .resolved(TextFixture.id("Java"), matched: "Java", how: .name))
    }

    @Test(
        "Spacing and punctuation do not matter",
        arguments: [
            ("React.js", "React"), ("ReactJS", "React"), ("react js", "React"), ("REACT.JS", "React"),
            ("Node.JS", "Node.js"), ("nodejs", "Node.js"), ("node js", "Node.js"), ("Spring-Boot", "Spring Boot"),
            ("springboot", "Spring Boot"), ("  Kubernetes  ", "Kubernetes"), ("(Kubernetes)", "Kubernetes"),
            ("k8s", "Kubernetes"), ("Golang", "Go"), ("go-lang", "Go"), ("Objective C", "Objective-C"),
            ("CI / CD", "CI/CD"), ("cicd", "CI/CD"), ("T SQL", "T-SQL"), ("dot-net", ".NET"), ("Routing & Switching",
            "Routing and Switching"),
        ]
    )
    func spellingOfNames(text: String, expected: String) {
        #expect(skill(text) == expected)
    }

    @Test(
        "Names made by symbols stay apart from their letters",
        arguments: [
            ("C#", "C#"), ("c#", "C#"), ("C", "C"), ("C++", "C++"), ("c++", "C++"), ("F#", "F#"), (".NET", ".NET"),
            (".net", ".NET"), ("Node.js", "Node.js"), ("CI/CD", "CI/CD"), ("ASP.NET", "ASP.NET Core"),
        ]
    )
    func symbolsSurvive(text: String, expected: String) {
        #expect(skill(text) == expected)
    }

    @Test("\"F\" and \"NET\" alone are not F# and .NET")
    func lettersWithoutSymbols() {
        #expect(skill("F") == nil)
        #expect(skill("NET") == nil)
    }

    @Test(
        "Trailing versions are dropped when the name then resolves",
        arguments: [
            ("Java 17", "Java"), ("Java17", "Java"), ("Java 8+", "Java"), ("Java 8/11", "Java"), ("Python 3.12", "Python"),
            ("Python 3.x", "Python"), ("Angular 15", "Angular"), ("Angular v15", "Angular"), (".NET 6", ".NET"),
            ("C++17", "C++"), ("C++20", "C++"), ("C++ 11", "C++"), ("Node.js 20", "Node.js"), ("Vue 2", "Vue.js"),
            ("Spring Boot 3.2", "Spring Boot"), ("Kotlin 2.0", "Kotlin"), ("HTML4", "HTML"),
        ]
    )
    func versionsStripped(text: String, expected: String) {
        #expect(skill(text) == expected)
        #expect(rule(text) == .version)
    }

    @Test("A version written as an alias is that alias", arguments: ["Vue 3", "Vue3", ".NET 8", "Python3", "Python 3", "ES6"])
    func versionAliases(text: String) {
        #expect(rule(text) == .alias)
    }

    @Test("ES2022 belongs to the family of ES6", arguments: ["ES2022", "ES2015", "es5", "ES 2020"])
    func ecmaScriptYears(text: String) {
        #expect(skill(text) == "JavaScript")
        #expect(rule(text) == .version)
    }

    @Test("ES2022 resolves to ECMAScript by name when no skill has an ES alias")
    func ecmaScriptByName() {
        let taxonomy = Taxonomy(version: 1, skills: [Skill(id: SkillID(7), name: "ECMAScript", category: "language")])
        #expect(SkillNormalizer(taxonomy: taxonomy).normalize("ES2022").skillID == SkillID(7))
    }

    @Test(
        "Digits that are part of a name stay",
        arguments: [
            ("S3", "Amazon S3"), ("EC2", "Amazon EC2"), ("D3.js", "D3.js"), ("D3", "D3.js"), ("Neo4j", "Neo4j"),
            ("log4j", "Log4j"), ("HTML5", "HTML"), ("k8s", "Kubernetes"),
        ]
    )
    func digitsInNames(text: String, expected: String) {
        #expect(skill(text) == expected)
        #expect(rule(text) != .version)
    }

    @Test("Unknown names with digits are not stripped into another skill", arguments: ["Web3", "S4", "R2", "D2", "C99"])
    func unknownDigits(text: String) {
        #expect(skill(text) == nil)
    }

    @Test(
        "Singular and plural name the same skill",
        arguments: [
            ("Microservice", "Microservices"), ("microservices", "Microservices"), ("REST API", "REST APIs"),
            ("Rest Apis", "REST APIs"), ("User Story", "User Stories"), ("Docker Engines", "Docker"),
        ]
    )
    func plurals(text: String, expected: String) {
        #expect(skill(text) == expected)
    }

    @Test("A plural form is reported as such")
    func pluralRule() {
        #expect(
            normalizer.normalize("Microservice")
                == .resolved(TextFixture.id("Microservices"), matched: "Microservices", how: .plural)
        )
    }

    @Test(
        "British and American spellings are one skill",
        arguments: [
            ("Data Modeling", "Data Modelling"), ("data-modeling", "Data Modelling"),
            ("Dimensional Modeling", "Data Modelling"), ("Threat Modeling", "Threat Modelling"),
            ("Search Engine Optimisation", "Search Engine Optimization"), ("Data Centre", "Data Center"),
            ("data visualisation", "Data Visualization"), ("Datacentre Operations", "Data Center"),
        ]
    )
    func spellings(text: String, expected: String) {
        #expect(skill(text) == expected)
        #expect(rule(text) == .spelling)
    }

    @Test(
        "A .js suffix is dropped or added, a lang suffix dropped",
        arguments: [("ExpressJS", "Express"), ("Express.js", "Express"), ("Nuxt", "Nuxt.js"), ("kotlinlang", "Kotlin")]
    )
    func suffixes(text: String, expected: String) {
        #expect(skill(text) == expected)
        #expect(rule(text) == .suffix)
    }

    @Test("The matched name or alias is reported as the taxonomy writes it")
    func matchedTerm() {
        #expect(normalizer.normalize("K8S") == .resolved(TextFixture.id("Kubernetes"), matched: "k8s", how: .alias))
        #expect(normalizer.normalize("golang") == .resolved(TextFixture.id("Go"), matched: "golang", how: .alias))
        #expect(
            normalizer.normalize("python 3.12") == .resolved(TextFixture.id("Python"), matched: "Python", how: .version)
        )
    }

    @Test("Unknown skills are kept, under one key for spellings of the same text")
    func unknownKept() {
        #expect(normalizer.normalize("Foo Bar") == .unresolved(key: "foo bar"))
        #expect(normalizer.normalize("foo-bar") == .unresolved(key: "foo bar"))
        #expect(normalizer.normalize("  FOO   bar. ") == .unresolved(key: "foo bar"))
        #expect(normalizer.normalize("Zig#") == .unresolved(key: "zig#"))
        #expect(SkillNormalizer.key("Foo_Bar") == "foo bar")
    }

    @Test("Text with nothing to match has no key", arguments: ["", "   ", "\n\t", "--", "..."])
    func emptyText(text: String) {
        #expect(normalizer.resolve(text) == nil)
        #expect(normalizer.normalize(text) == .unresolved(key: ""))
        #expect(SkillNormalizer.key(text) == nil)
    }

    @Test("A name wins over another skill's alias written the same")
    func nameBeatsAlias() {
        let taxonomy = Taxonomy(
            version: 1,
            skills: [
                Skill(id: SkillID(1), name: "Elasticsearch", aliases: ["Elastic"], category: "database"),
                Skill(id: SkillID(2), name: "Elastic", category: "platform"),
            ]
        )
        #expect(SkillNormalizer(taxonomy: taxonomy).normalize("elastic").skillID == SkillID(2))
    }

    @Test("Aliases added at run time are found by a normaliser built from the new taxonomy")
    func runtimeAliases() {
        var skills = TextFixture.taxonomy.skills
        let index = skills.firstIndex { $0.name == "Kubernetes" }!
        skills[index].aliases.append("Kates")
        let normalizer = SkillNormalizer(taxonomy: Taxonomy(version: 2, skills: skills))
        #expect(normalizer.normalize("kates").skillID == TextFixture.id("Kubernetes"))
        #expect(normalizer.taxonomyVersion == 2)
    }

    @Test("The shipped taxonomy resolves the aliases people write")
    func standardAliases() throws {
        let normalizer = SkillNormalizer(taxonomy: TextFixture.standard)
        for (text, name) in [
            ("k8s", "Kubernetes"), ("golang", "Go"), ("ReactJS", "React"), ("React.js", "React"), ("C-Sharp", "C#"),
            ("JS", "JavaScript"), ("Postgres", "PostgreSQL"), ("Java 17", "Java"), ("Python3", "Python"),
            ("ES2022", "JavaScript"), ("Microservice", "Microservices"), ("REST API", "REST APIs"),
            ("Data Modeling", "Data Modelling"), (".NET 8", ".NET"), ("C++20", "C++"), ("Vercel AI SDK", "Vercel AI SDK"),
            ("ai-sdk", "Vercel AI SDK"), ("crewAI", "CrewAI"), ("GitHub Copilot", "GitHub Copilot"), ("Mixtral", "Mistral AI"),
            ("Claude Code", "Claude Code"), ("LangSmith", "LangSmith"),
        ] {
            let id = try #require(TextFixture.standardID(name), "the shipped taxonomy has \(name)")
            #expect(normalizer.normalize(text).skillID == id, "\(text) → \(name)")
        }
    }

    @Test("one typo in a name of five letters or more resolves when only one skill is that close",
          arguments: [("pythin", "Python"), ("kubernates", "Kubernetes"), ("Kuberentes", "Kubernetes"), ("Terrafrom", "Terraform"),
                      ("Postgress", "PostgreSQL"), ("Djnago", "Django"), ("Typscript", "TypeScript")])
    func typo(_ text: String, _ name: String) throws {
        let normalizer = SkillNormalizer(taxonomy: TextFixture.standard)
        let id = try #require(TextFixture.standardID(name))
        guard case .resolved(let found, _, let how) = normalizer.normalize(text) else {
            Issue.record("\(text) did not resolve")
            return
        }
        #expect(found == id, "\(text) → \(name)")
        #expect(how == .typo || how == .alias, "\(text) by \(how)")
    }

    @Test("no typo is read into short names, ordinary words, or text two edits away")
    func noTypo() {
        let normalizer = SkillNormalizer(taxonomy: TextFixture.standard)
        for text in ["Rusk", "Jova", "scale", "Pythonist", "Kubernetos Platform", "Pyhtin"] {
            #expect(normalizer.normalize(text).skillID == nil, "\(text) is no skill")
        }
        #expect(SkillNormalizer.isOneEditApart("python", "pyhton"))
        #expect(SkillNormalizer.isOneEditApart("python", "pythons"))
        #expect(!SkillNormalizer.isOneEditApart("python", "python"))
        #expect(!SkillNormalizer.isOneEditApart("abcab", "bcaba"))
    }

    @Test("a typo two skills are equally close to resolves to neither")
    func ambiguousTypo() {
        let taxonomy = Taxonomy(version: 1, skills: [
            Skill(id: SkillID(1), name: "Flink", category: "data"), Skill(id: SkillID(2), name: "Flunk", category: "tool"),
        ])
        let normalizer = SkillNormalizer(taxonomy: taxonomy)
        #expect(normalizer.normalize("flank").skillID == nil)
        #expect(normalizer.normalize("flinkk").skillID == SkillID(1))
    }

    @Test("letters that only look Latin, fullwidth signs and the sharp sign fold; lower-case symbol names resolve",
          arguments: [("С#", "C#"), ("Ｃ＃", "C#"), ("C♯", "C#"), ("c#", "C#"), ("f#", "F#"), ("c++", "C++"), ("Руthon", "Python"),
                      ("ΡΗΡ", "PHP")])
    func lookAlikes(_ text: String, _ name: String) throws {
        let id = try #require(TextFixture.standardID(name))
        #expect(SkillNormalizer(taxonomy: TextFixture.standard).normalize(text).skillID == id, "\(text) → \(name)")
    }
}

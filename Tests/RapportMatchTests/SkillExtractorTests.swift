import RapportCore
import RapportMatch
import Testing

@Suite("Skill extractor")
struct SkillExtractorTests {
    let extractor = SkillExtractor(taxonomy: TextFixture.taxonomy)

    /// The skills found, by name, in text order.
    func names(_ text: String) -> [String] {
        extractor.extract(from: text).map { TextFixture.taxonomy.name($0.skillID) }
    }

    /// The evidence found, as written, in text order.
    func evidence(_ text: String) -> [String] {
        extractor.extract(from: text).map(\.text)
    }

    // MARK: - Longest phrase, spans

    @Test("The longest name wins: Spring Boot over Spring, Google Cloud Platform as one mention")
    func longestMatch() {
        #expect(names("Spring Boot and Google Cloud Platform") == ["Spring Boot", "Google Cloud"])
        #expect(evidence("Spring Boot and Google Cloud Platform") == ["Spring Boot", "Google Cloud Platform"])
        #expect(names("T-SQL on SQL Server, not plain SQL") == ["T-SQL", "SQL Server", "SQL"])
        #expect(names("Ruby on Rails") == ["Ruby on Rails"])
    }

    @Test("Each occurrence comes with its span in UTF-16 offsets")
    func spans() {
        let text = "Résumé 🚀: Kubernetes, then k8s again."
        let found = extractor.extract(from: text)
        #expect(found.map(\.text) == ["Kubernetes", "k8s"])
        let utf16 = Array(text.utf16)
        for skill in found {
            #expect(String(decoding: utf16[skill.range], as: UTF16.self) == skill.text)
            #expect(skill.skillID == TextFixture.id("Kubernetes"))
        }
        #expect(found.first?.range == 11..<21)
    }

    @Test("Nothing to find in empty text or text without skills", arguments: ["", "   ", "We are a friendly team."])
    func nothing(text: String) {
        #expect(names(text).isEmpty)
    }

    // MARK: - Boundaries

    static let wordBoundariesCases: [(String, [String])] = [
        ("We maintain our systems", [String]()), ("Java and JavaScript", ["Java", "JavaScript"]),
        ("NoSQL, MySQL and PostgreSQL", ["NoSQL", "MySQL", "PostgreSQL"]), ("Goldman and Gopher", []),
        ("Scripting in Rustic style", []), ("Spark plugs and sparkling water", []),
    ]

    @Test("A name is never found inside a word", arguments: wordBoundariesCases)
    func wordBoundaries(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("\"ai\" inside \"maintain\" is not AI")
    func aiInsideMaintain() {
        #expect(names("You will maintain and train our AI models").contains("Artificial Intelligence"))
        #expect(names("You will maintain the platform").isEmpty)
    }

    @Test("\"Java\" inside \"JavaScript\" is not Java")
    func javaInsideJavaScript() {
        #expect(names("JavaScript/TypeScript") == ["JavaScript", "TypeScript"])
    }

    @Test("\"SQL\" inside NoSQL, MySQL and PostgreSQL is not SQL")
    func sqlInsideNames() {
        #expect(!names("NoSQL stores, MySQL, PostgreSQL").contains("SQL"))
    }

    static let punctuationCases: [(String, [String])] = [
        ("Containers (Kubernetes).", ["Kubernetes"]), ("AWS/Azure", ["AWS", "Azure"]),
        ("C#, F# and C++.", ["C#", "F#", "C++"]), ("Backend in Node.js.", ["Node.js"]),
        ("React-based UI", ["React"]), ("Kubernetes' scheduler and Docker's daemon", ["Kubernetes", "Docker"]),
        ("\"Terraform\"; [Kafka]", ["Terraform", "Kafka"]), ("C#/.NET", ["C#", ".NET"]),
        ("ASP.NET and VB-free .NET Core", ["ASP.NET Core", ".NET"]), ("CI/CD with Jenkins", ["CI/CD", "Jenkins"]),
    ]

    @Test("Punctuation around a name is not part of it", arguments: punctuationCases)
    func punctuation(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Evidence is the name as written, without surrounding punctuation")
    func evidenceAsWritten() {
        #expect(evidence("Containers (Kubernetes). Backend in Node.js.") == ["Kubernetes", "Node.js"])
        #expect(evidence("We use ReactJS, react js and React.js") == ["ReactJS", "react js", "React.js"])
    }

    static let variantsCases: [(String, [String])] = [
        ("react js", ["React"]), ("SpringBoot", ["Spring Boot"]), ("spring boot", ["Spring Boot"]),
        ("Node JS", ["Node.js"]), ("golang", ["Go"]), ("GOLANG", ["Go"]), ("KUBERNETES", ["Kubernetes"]),
    ]

    @Test("Spacing and case variants of a name are found where the name itself breaks", arguments: variantsCases)
    func variants(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Text does not break a name where the name has no break: \"my SQL\" is not MySQL")
    func noInventedBreaks() {
        #expect(names("my SQL skills") == ["SQL"])
        #expect(names("Java Script") == ["Java"])
    }

    static let derivedFormsCases: [(String, [String])] = [
        ("a microservice", ["Microservices"]), ("REST API design", ["REST APIs"]), ("user story", ["User Stories"]),
        ("Express.js", ["Express"]), ("ExpressJS", ["Express"]), ("Python3", ["Python"]), ("Java17", ["Java"]),
        ("ES2022", ["JavaScript"]), ("Java 17", ["Java"]), ("C++17", ["C++"]), ("Data Modeling", ["Data Modelling"]),
        ("data centre and data visualisation", ["Data Center", "Data Visualization"]),
    ]

    @Test("Plurals, singulars, .js forms and glued versions are found", arguments: derivedFormsCases)
    func derivedForms(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("A glued version is part of the evidence; a version after a space is not")
    func versionEvidence() {
        #expect(evidence("Python3 and Java 17") == ["Python3", "Java"])
    }

    // MARK: - Ambiguous names

    static let goTheVerbCases: [(String, [String])] = [
        ("We go live in May", []), ("ready to go", []), ("Go live is planned for May", []),
        ("Go-live support", []), ("Go", []), ("Go developer", ["Go"]), ("Golang", ["Go"]),
        ("written in Go", ["Go"]), ("Go microservices", ["Go", "Microservices"]), ("experience with Go", ["Go"]),
        ("Go, Rust and Python", ["Go", "Rust", "Python"]), ("We go to AWS", ["AWS"]), ("Go lang", ["Go"]),
    ]

    @Test("\"go\" the verb is not Go; Go the language is", arguments: goTheVerbCases)
    func goTheVerb(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    static let lettersAreNotLanguagesCases: [(String, [String])] = [
        ("R&D department", []), ("Plan C is the fallback", []), ("see section C of the contract", []),
        ("C-level stakeholders", []), ("grade R teachers", []), ("C.V. required", []), ("Vitamin C", []),
        ("R & D budget", []), ("Part R", []),
    ]

    @Test("\"R\" and \"C\" as letters are not languages", arguments: lettersAreNotLanguagesCases)
    func lettersAreNotLanguages(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    static let lettersAsLanguagesCases: [(String, [String])] = [
        ("R and Python", ["R", "Python"]), ("C/C++", ["C", "C++"]), ("programming in C", ["C"]),
        ("R (tidyverse)", ["R", "tidyverse"]), ("Python, R, SQL", ["Python", "R", "SQL"]),
        ("R programming", ["R"]), ("5 years of C", ["C"]), ("Languages: R.", ["R"]), ("C and C++", ["C", "C++"]),
        ("R language", ["R"]), ("Python, Julia, R", ["Python", "Julia", "R"]),
    ]

    @Test("\"R\" and \"C\" in technical context are languages", arguments: lettersAsLanguagesCases)
    func lettersAsLanguages(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    static let ordinaryWordsCases: [(String, [String])] = [
        ("swift delivery of projects", []), ("Swift delivery is key", []), ("Swift and SwiftUI", ["Swift", "SwiftUI"]),
        ("iOS apps in Swift", ["Swift"]), ("Swift developer", ["Swift"]),
        ("Rust belt manufacturing", []), ("no rust on the pipes", []), ("Rust or Go", []), ("Rust engineer", ["Rust"]),
        ("Ruby is our office manager", []), ("Ruby and Python", ["Ruby", "Python"]),
        ("Spark joy", []), ("a spark of creativity", []), ("PySpark and Spark", ["Apache Spark", "Apache Spark"]),
        ("Spark, Kafka", ["Apache Spark", "Kafka"]),
        ("head chef wanted", []), ("Ansible, Puppet or Chef", ["Ansible", "Puppet", "Chef"]), ("Chef or Puppet", []),
        ("a puppet show", []), ("Dart and Flutter apps", ["Dart", "Flutter"]), ("darts league", []),
        ("Make sure you are on time", []), ("Make, CMake", ["Make", "CMake"]), ("make it happen", []),
        ("express delivery", []), ("Express and Node.js", ["Express", "Node.js"]),
        ("a flask of coffee", []), ("Python with Flask", ["Python", "Flask"]),
        ("Spring 2026 intake", []), ("in the spring", []), ("Java, Spring and Hibernate", ["Java", "Spring", "Hibernate"]),
        ("Julia will be your manager", []), ("Julia, Python and R", ["Julia", "Python", "R"]),
        ("Scrum master", ["Scrum"]), ("scrum", ["Scrum"]), ("agile team", ["Agile"]),
    ]

    @Test("Ordinary words are skills only as written and in technical context", arguments: ordinaryWordsCases)
    func ordinaryWords(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    static let abbreviationsCases: [(String, [String])] = [
        ("BA (Hons) in History", []), ("Business Analyst (BA)", ["Business Analysis", "Business Analysis"]),
        ("in 300 AD", []), ("AD and Azure", ["Active Directory", "Azure"]), ("ML and AI", ["Machine Learning",
        "Artificial Intelligence"]), ("500 ml of water", []), ("SAFe and Scrum", ["SAFe", "Scrum"]),
        ("a safe place", []), ("js", []),
    ]

    @Test("Everyday abbreviations need context; acronyms need their case", arguments: abbreviationsCases)
    func abbreviations(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("An acronym counts in capitals or lowercase, never capitalised like a name")
    func acronymCase() {
        #expect(names("SAM and sql") == ["Software Asset Management", "SQL"])
        #expect(names("Sam will call you") == [])
        #expect(names("Sql") == [])
    }

    @Test("An ordinary word in capitals is a skill, except in a heading of capitals")
    func shoutedWords() {
        #expect(names("REST and SOAP services") == ["REST APIs", "SOAP"])
        #expect(names("the rest of the team uses soap") == [])
        #expect(names("BASIC REQUIREMENTS: a clean driving licence") == [])
        #expect(names("BASIC and C programming") == ["BASIC", "C"])
    }

    @Test("\"excel\" the verb is not Excel")
    func excelTheVerb() {
        #expect(names("You will excel in a fast-paced team") == [])
        #expect(names("Advanced Excel and SQL") == ["Microsoft Excel", "SQL"])
        #expect(names("MS Excel") == ["Microsoft Excel"])
    }

    @Test("An alias that starts with an article is a description, not a name")
    func articleAliases() {
        #expect(names("Python is a programming language") == ["Python"])
        #expect(SkillNormalizer(taxonomy: TextFixture.taxonomy).normalize("A programming language").skillID
            == TextFixture.id("APL"))
    }

    @Test("A letter in brackets is a sign or a list marker: \"(C)\", \"(R)\"")
    func bracketedLetters() {
        #expect(names("Copyright (C) 2024 Acme. Written in C and C++.") == ["C", "C++"])
        #expect(names("Java(R) and the programming (c) clause") == ["Java"])
    }

    @Test("Web and email addresses mention no skills")
    func links() {
        #expect(names("Apply at https://github.com/acme/jobs.html or jobs@python.org; we use Python") == ["Python"])
        #expect(names("See www.kubernetes.io/docs for Docker") == ["Docker"])
    }

    @Test("A sentence break ends the context of an ambiguous name")
    func sentenceBreaks() {
        #expect(names("Plan C. Python is a plus.") == ["Python"])
        #expect(names("We use Docker. Go live is in May.") == ["Docker"])
    }

    @Test("Skills added at run time are found by an extractor built from the new taxonomy")
    func runtimeSkills() {
        var skills = TextFixture.taxonomy.skills
        skills.append(Skill(id: SkillID(999), name: "Pulumi", aliases: ["Pulumi IaC"], category: "devops"))
        let extractor = SkillExtractor(taxonomy: Taxonomy(version: 2, skills: skills))
        #expect(extractor.extract(from: "IaC with Pulumi").map(\.skillID) == [SkillID(999)])
        #expect(extractor.taxonomyVersion == 2)
    }

    // MARK: - The shipped taxonomy

    @Test("The shipped taxonomy finds the skills of a job description")
    func standardJobDescription() throws {
        let extractor = SkillExtractor(taxonomy: TextFixture.standard)
        let text = """
            Senior Backend Engineer. You will design Go microservices on Kubernetes (k8s) in AWS, with CI/CD \
            in GitHub Actions. Experience with PostgreSQL and Redis; React.js or Vue is a plus. We go live in May, \
            so you need to maintain momentum. R&D budget is generous.
            """
        let found = extractor.extract(from: text).map { TextFixture.standard.name($0.skillID) }
        for name in ["Go", "Microservices", "Kubernetes", "AWS", "CI/CD", "GitHub Actions", "PostgreSQL", "Redis"] {
            #expect(found.contains(name), "finds \(name)")
        }
        #expect(found.filter { $0 == "Go" }.count == 1)
        #expect(!found.contains("R"))
        #expect(found.filter { $0 == "Kubernetes" }.count == 2)
    }

    @Test("symbol names written in lower case in free text are found: c#, f#, c++")
    func lowerCaseSymbols() {
        let extractor = SkillExtractor(taxonomy: TextFixture.standard)
        let found = extractor.extract(from: "Backend work in c# and f#, some c++ for the engine, all on .net 8.").map {
            TextFixture.standard.name($0.skillID)
        }
        for name in ["C#", "F#", "C++", ".NET"] {
            #expect(found.contains(name), "finds \(name) in \(found)")
        }
    }

    @Test("The shipped taxonomy finds no IT skills in a kitchen job ad")
    func standardNonTechnicalAd() {
        let extractor = SkillExtractor(taxonomy: TextFixture.standard)
        let text = """
            Head Chef - Swift Hospitality Group. Make your mark! We need a chef who can go the extra mile, work \
            swiftly, and keep the kitchen spotless. Spring menu launch in March. Julia, our GM, will interview. Must \
            hold a valid DL and work shifts (AM/PM). Rust-free equipment, express delivery from suppliers, Ruby \
            Tuesday alumni welcome. BASIC REQUIREMENTS: 2 years' experience. Excel at customer service. Go-live of \
            the new site is in May. Sam and Pam run the rota. A spark of creativity; the rest of the team; shiny new \
            equipment; R&D kitchen; C-level guests; Plan B for busy nights.
            """
        #expect(extractor.extract(from: text).map { TextFixture.standard.name($0.skillID) } == [])
    }

    @Test("Extracting from 5,000 characters with the shipped taxonomy takes milliseconds")
    func performance() {
        let extractor = SkillExtractor(taxonomy: TextFixture.standard)
        let paragraph = """
            We are looking for a Senior Software Engineer to join our platform team. You will build Java and Kotlin \
            services with Spring Boot, deploy them to Kubernetes on AWS with Terraform and GitHub Actions, and \
            maintain our PostgreSQL and Redis data stores. Experience with Kafka, Docker, React.js and TypeScript \
            is a plus; we go live every week, so CI/CD matters. Python or Go for tooling; R&D time on Fridays. \
            Strong communication, Agile/Scrum delivery and mentoring of junior engineers are expected.
            """
        var text = ""
        while text.utf8.count < 5_000 { text += paragraph + "\n" }
        _ = extractor.extract(from: text)
        let rounds = 20
        var found = 0
        let elapsed = ContinuousClock().measure {
            for _ in 0..<rounds { found += extractor.extract(from: text).count }
        }
        let perCall = (Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
            / Double(rounds)
        print("extract: \(text.utf8.count) bytes, \(TextFixture.standard.count) skills, \(found / rounds) mentions, "
            + "\(perCall) ms per call")
        #expect(found > 0)
        // Debug builds are several times slower than release; the bound only catches an accidental quadratic.
        #expect(perCall < 100)
    }
}

import RapportCore

extension StandardTaxonomy {
    /// Seeds a database that has no skills yet: the standard practices it lacks (matched by name) and every standard
    /// skill under its standard id. Returns the number of skills installed, or nil when the database already had a
    /// taxonomy (which is then left alone).
    @discardableResult
    public static func installIfEmpty(into records: FirmRecords) async throws -> Int? {
        guard try await records.store.taxonomyState().standardVersion == nil,
              try await records.store.allSkills().isEmpty else { return nil }
        var practices: [String: PracticeID] = [:]
        var after: Int64?
        repeat {
            let page = try await records.store.practices(page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            for practice in page.items {
                practices[practice.details.name.lowercased()] = practice.id
            }
            after = page.nextAfter
        } while after != nil
        for practice in StandardPractice.allCases where practices[practice.name.lowercased()] == nil {
            let created = try await records.createPractice(PracticeDetails(name: practice.name, description: practice.summary))
            practices[practice.name.lowercased()] = created.id
        }
        let skills = skills { practices[$0.name.lowercased()] }
        guard try await records.store.installSkills(skills, standardVersion: version) else { return nil }
        return skills.count
    }
}

extension StandardPractice {
    /// What the desk covers, for a new firm's practice list.
    public var summary: String {
        switch self {
        case .java: "Backend engineers and architects on the JVM: Java, Kotlin and Scala, Spring, microservices and streaming."
        case .dotnet: "C# and .NET developers, from ASP.NET Core services to Blazor, SQL Server and the wider Microsoft stack."
        case .cloud: "Cloud, platform and DevOps engineers: AWS, Azure and GCP, Kubernetes, Terraform, CI/CD and observability."
        case .data: "Data engineers, analysts and ML engineers: SQL, Spark, warehouses, BI, machine learning and LLMs."
        case .frontend: "Web and mobile front-end developers: JavaScript and TypeScript, React, Angular, Vue, iOS and Android."
        case .security: "Security and network engineers: identity, cloud security, SOC and SIEM, penetration testing, networks."
        case .erp: "ERP and CRM consultants and developers: SAP, Salesforce, Dynamics 365, Workday, ServiceNow, Oracle."
        case .delivery: "Delivery and product people: Scrum masters, product and project managers, business analysts and testers."
        }
    }
}

import RapportCore

/// The firm's desks. Ids are positions in this list plus one, so the taxonomy and archetypes can name them.
enum DemoPractice: Int, CaseIterable, Sendable {
    case java = 1
    case dotnet
    case cloud
    case data
    case frontend
    case security
    case erp
    case delivery

    var id: PracticeID { PracticeID(Int64(rawValue)) }

    var name: String {
        switch self {
        case .java: "Java & JVM"
        case .dotnet: ".NET & Microsoft"
        case .cloud: "Cloud & DevOps"
        case .data: "Data & AI"
        case .frontend: "Frontend & Mobile"
        case .security: "Security & Networks"
        case .erp: "ERP & CRM"
        case .delivery: "Delivery & Product"
        }
    }

    var summary: String {
        switch self {
        case .java:
            "Backend engineers and architects on the JVM: Java, Kotlin and Scala, Spring, microservices and event streaming."
        case .dotnet:
            "C# and .NET developers, from ASP.NET Core services to Blazor front ends, SQL Server and the wider Microsoft stack."
        case .cloud:
            "Platform, SRE and DevOps engineers and cloud architects across AWS, Azure and Google Cloud, Kubernetes and Terraform."
        case .data:
            "Data engineers, data scientists, ML engineers, BI developers and DBAs: pipelines, warehouses, models and the databases under them."
        case .frontend:
            "Web and mobile developers: React, Angular and Vue, TypeScript and Node.js, native iOS and Android, React Native and Flutter."
        case .security:
            "Security engineers, penetration testers and network engineers: detection and response, identity, firewalls, routing and switching."
        case .erp:
            "Consultants and developers for SAP, Salesforce, Dynamics 365, ServiceNow and the integrations around them."
        case .delivery:
            "Scrum masters, product owners, business analysts, delivery managers and QA automation engineers who help teams ship."
        }
    }
}

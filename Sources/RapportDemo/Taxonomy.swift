import RapportCore

/// One skill of the starter taxonomy before it has an id; `practice` is nil for skills every desk uses.
struct SkillEntry: Sendable {
    let name: String
    let aliases: [String]
    let category: String
    let practice: DemoPractice?

    init(_ name: String, _ aliases: [String], _ category: String, _ practice: DemoPractice?) {
        self.name = name
        self.aliases = aliases
        self.category = category
        self.practice = practice
    }
}

/// The starter skill taxonomy: real skills with the spellings people actually write in CVs and job ads.
/// Ids are positions in this list plus one; never reorder it, or stored demo data stops matching.
enum DemoTaxonomy {
    static let entries: [SkillEntry] = jvm + dotnet + cloud + data + frontend + security + erp + delivery + general

    private static let jvm: [SkillEntry] = [
        SkillEntry("Java", ["Java SE", "JDK", "Core Java"], "language", .java),
        SkillEntry("Kotlin", ["kt", "Kotlin/JVM"], "language", .java),
        SkillEntry("Scala", ["Scala 3", "Scala 2"], "language", .java),
        SkillEntry("Groovy", ["Apache Groovy"], "language", .java),
        SkillEntry("Spring", ["Spring Framework", "Spring MVC"], "framework", .java),
        SkillEntry("Spring Boot", ["SpringBoot", "spring-boot"], "framework", .java),
        SkillEntry("Spring Cloud", ["spring-cloud"], "framework", .java),
        SkillEntry("Hibernate", ["Hibernate ORM"], "framework", .java),
        SkillEntry("JPA", ["Jakarta Persistence", "Java Persistence API"], "framework", .java),
        SkillEntry("Jakarta EE", ["Java EE", "J2EE", "JEE"], "framework", .java),
        SkillEntry("Quarkus", [], "framework", .java),
        SkillEntry("Micronaut", [], "framework", .java),
        SkillEntry("Akka", ["Akka Streams", "Pekko"], "framework", .java),
        SkillEntry("Maven", ["Apache Maven", "mvn"], "tool", .java),
        SkillEntry("Gradle", ["Gradle Build Tool"], "tool", .java),
        SkillEntry("JUnit", ["JUnit 5", "JUnit5", "Jupiter"], "testing", .java),
        SkillEntry("Mockito", [], "testing", .java),
        SkillEntry("JVM Performance Tuning", ["JVM tuning", "GC tuning"], "practice", .java),
    ]

    private static let dotnet: [SkillEntry] = [
        SkillEntry("C#", ["C-Sharp", "CSharp", "C Sharp"], "language", .dotnet),
        SkillEntry(".NET", ["dotnet", ".NET Core", "dot net", ".NET 8"], "framework", .dotnet),
        SkillEntry("ASP.NET Core", ["ASP.NET", "aspnetcore", "ASP.NET MVC"], "framework", .dotnet),
        SkillEntry("Entity Framework", ["EF Core", "Entity Framework Core", "EF"], "framework", .dotnet),
        SkillEntry("F#", ["F-Sharp", "FSharp"], "language", .dotnet),
        SkillEntry("Blazor", ["Blazor WebAssembly", "Blazor Server"], "framework", .dotnet),
        SkillEntry("WPF", ["Windows Presentation Foundation"], "framework", .dotnet),
        SkillEntry(".NET MAUI", ["MAUI", "Xamarin", "Xamarin.Forms"], "framework", .dotnet),
        SkillEntry("SQL Server", ["MSSQL", "MS SQL", "Microsoft SQL Server"], "database", .data),
        SkillEntry("T-SQL", ["TSQL", "Transact-SQL"], "language", .dotnet),
        SkillEntry("PowerShell", ["pwsh", "Windows PowerShell"], "language", .dotnet),
        SkillEntry("VB.NET", ["Visual Basic .NET", "VB"], "language", .dotnet),
        SkillEntry("SharePoint", ["SharePoint Online", "SPO"], "platform", .dotnet),
        SkillEntry("Power Platform", ["Power Apps", "PowerApps", "Power Automate", "Dataverse"], "platform", .erp),
        SkillEntry("Azure DevOps", ["ADO", "VSTS", "Azure Pipelines"], "devops", .dotnet),
        SkillEntry("xUnit", ["xUnit.net"], "testing", .dotnet),
        SkillEntry("SignalR", ["ASP.NET SignalR"], "framework", .dotnet),
    ]

    private static let cloud: [SkillEntry] = [
        SkillEntry("AWS", ["Amazon Web Services"], "cloud", .cloud),
        SkillEntry("Azure", ["Microsoft Azure", "MS Azure"], "cloud", .cloud),
        SkillEntry("Google Cloud", ["GCP", "Google Cloud Platform"], "cloud", .cloud),
        SkillEntry("Kubernetes", ["k8s", "kube"], "devops", .cloud),
        SkillEntry("Docker", ["Docker Engine", "Dockerfile"], "devops", .cloud),
        SkillEntry("Terraform", ["HashiCorp Terraform", "HCL"], "devops", .cloud),
        SkillEntry("Ansible", ["Ansible Tower", "AWX"], "devops", .cloud),
        SkillEntry("Helm", ["Helm charts"], "devops", .cloud),
        SkillEntry("Jenkins", ["Jenkins CI"], "devops", .cloud),
        SkillEntry("GitHub Actions", ["GHA", "GitHub Workflows"], "devops", .cloud),
        SkillEntry("GitLab CI", ["GitLab CI/CD", "gitlab-ci"], "devops", .cloud),
        SkillEntry("Argo CD", ["ArgoCD", "Argo"], "devops", .cloud),
        SkillEntry("Prometheus", ["PromQL"], "devops", .cloud),
        SkillEntry("Grafana", [], "devops", .cloud),
        SkillEntry("Datadog", ["Datadog APM"], "devops", .cloud),
        SkillEntry("Linux", ["GNU/Linux", "RHEL", "Ubuntu"], "platform", .cloud),
        SkillEntry("Bash", ["shell scripting", "Bash scripting", "sh"], "language", .cloud),
        SkillEntry("Go", ["golang", "Go lang"], "language", .cloud),
        SkillEntry("Rust", ["rustlang"], "language", .cloud),
        SkillEntry("CloudFormation", ["AWS CloudFormation", "CFN"], "devops", .cloud),
        SkillEntry("AWS Lambda", ["Lambda"], "cloud", .cloud),
        SkillEntry("Amazon EKS", ["EKS", "Elastic Kubernetes Service"], "cloud", .cloud),
        SkillEntry("Azure Kubernetes Service", ["AKS"], "cloud", .cloud),
        SkillEntry("OpenShift", ["Red Hat OpenShift", "OCP"], "devops", .cloud),
        SkillEntry("Istio", ["service mesh"], "devops", .cloud),
        SkillEntry("Pulumi", [], "devops", .cloud),
        SkillEntry("Site Reliability Engineering", ["SRE"], "practice", .cloud),
        SkillEntry("CI/CD", ["CICD", "continuous integration", "continuous delivery"], "practice", .cloud),
        SkillEntry("Nginx", ["engine x", "nginx plus"], "devops", .cloud),
        SkillEntry("HashiCorp Vault", ["Vault"], "devops", .cloud),
        SkillEntry("Bicep", ["Azure Bicep", "ARM templates"], "devops", .cloud),
        SkillEntry("OpenTelemetry", ["OTel"], "devops", .cloud),
    ]

    private static let data: [SkillEntry] = [
        SkillEntry("Python", ["py", "Python 3", "python3"], "language", .data),
        SkillEntry("SQL", ["Structured Query Language", "ANSI SQL"], "language", .data),
        SkillEntry("PostgreSQL", ["Postgres", "psql", "PG"], "database", .data),
        SkillEntry("MySQL", ["MariaDB"], "database", .data),
        SkillEntry("MongoDB", ["Mongo"], "database", .data),
        SkillEntry("Redis", [], "database", .data),
        SkillEntry("Cassandra", ["Apache Cassandra"], "database", .data),
        SkillEntry("Oracle Database", ["Oracle DB", "Oracle RDBMS", "PL/SQL"], "database", .data),
        SkillEntry("Elasticsearch", ["Elastic", "OpenSearch"], "database", .data),
        SkillEntry("Snowflake", [], "data", .data),
        SkillEntry("Databricks", [], "data", .data),
        SkillEntry("Apache Spark", ["Spark", "PySpark"], "data", .data),
        SkillEntry("Apache Kafka", ["Kafka", "Kafka Streams"], "data", .data),
        SkillEntry("Apache Airflow", ["Airflow"], "data", .data),
        SkillEntry("dbt", ["data build tool", "dbt Core"], "data", .data),
        SkillEntry("pandas", ["pandas DataFrame"], "data", .data),
        SkillEntry("NumPy", ["np"], "data", .data),
        SkillEntry("scikit-learn", ["sklearn", "scikit learn"], "data", .data),
        SkillEntry("TensorFlow", ["Keras"], "data", .data),
        SkillEntry("PyTorch", ["Torch"], "data", .data),
        SkillEntry("Machine Learning", ["ML"], "data", .data),
        SkillEntry("Deep Learning", ["DL", "neural networks"], "data", .data),
        SkillEntry("Natural Language Processing", ["NLP"], "data", .data),
        SkillEntry("Large Language Models", ["LLM", "LLMs", "GenAI", "Generative AI"], "data", .data),
        SkillEntry("MLOps", ["ML Ops", "MLflow"], "data", .data),
        SkillEntry("Power BI", ["PowerBI", "PBI"], "data", .data),
        SkillEntry("Tableau", [], "data", .data),
        SkillEntry("Looker", ["LookML"], "data", .data),
        SkillEntry("BigQuery", ["Google BigQuery", "BQ"], "data", .data),
        SkillEntry("Amazon Redshift", ["Redshift"], "data", .data),
        SkillEntry("R", ["R language", "RStats"], "language", .data),
        SkillEntry("Azure Data Factory", ["ADF"], "data", .data),
        SkillEntry("Data Modelling", ["Data Modeling", "dimensional modelling", "Kimball"], "practice", .data),
        SkillEntry("ETL", ["ELT", "Extract Transform Load"], "practice", .data),
        SkillEntry("Statistics", ["statistical modelling", "stats"], "practice", .data),
        SkillEntry("Database Administration", ["DBA", "database tuning"], "practice", .data),
    ]

    private static let frontend: [SkillEntry] = [
        SkillEntry("JavaScript", ["JS", "ECMAScript", "ES6"], "language", .frontend),
        SkillEntry("TypeScript", ["TS"], "language", .frontend),
        SkillEntry("React", ["ReactJS", "React.js"], "framework", .frontend),
        SkillEntry("Angular", ["Angular 2+", "Angular.io"], "framework", .frontend),
        SkillEntry("Vue.js", ["Vue", "VueJS", "Vue 3"], "framework", .frontend),
        SkillEntry("Next.js", ["NextJS", "Next JS"], "framework", .frontend),
        SkillEntry("Node.js", ["Node", "NodeJS"], "framework", .frontend),
        SkillEntry("HTML", ["HTML5"], "language", .frontend),
        SkillEntry("CSS", ["CSS3"], "language", .frontend),
        SkillEntry("Sass", ["SCSS"], "language", .frontend),
        SkillEntry("Tailwind CSS", ["Tailwind", "TailwindCSS"], "framework", .frontend),
        SkillEntry("Redux", ["Redux Toolkit", "RTK"], "framework", .frontend),
        SkillEntry("GraphQL", ["GQL", "Apollo GraphQL"], "framework", .frontend),
        SkillEntry("Swift", ["Swift 5", "SwiftLang"], "language", .frontend),
        SkillEntry("SwiftUI", [], "framework", .frontend),
        SkillEntry("Objective-C", ["ObjC", "Obj-C"], "language", .frontend),
        SkillEntry("iOS", ["iOS SDK", "UIKit"], "platform", .frontend),
        SkillEntry("Android", ["Android SDK"], "platform", .frontend),
        SkillEntry("Jetpack Compose", ["Compose UI"], "framework", .frontend),
        SkillEntry("React Native", ["RN"], "framework", .frontend),
        SkillEntry("Flutter", [], "framework", .frontend),
        SkillEntry("Dart", [], "language", .frontend),
        SkillEntry("Jest", [], "testing", .frontend),
        SkillEntry("Cypress", [], "testing", .frontend),
        SkillEntry("Webpack", ["webpack 5"], "tool", .frontend),
        SkillEntry("Web Accessibility", ["a11y", "WCAG", "accessibility"], "practice", .frontend),
        SkillEntry("Figma", [], "tool", .frontend),
    ]

    private static let security: [SkillEntry] = [
        SkillEntry("Network Security", ["netsec"], "security", .security),
        SkillEntry("TCP/IP", ["TCP-IP", "IP networking"], "network", .security),
        SkillEntry("BGP", ["Border Gateway Protocol"], "network", .security),
        SkillEntry("OSPF", ["Open Shortest Path First"], "network", .security),
        SkillEntry("Routing and Switching", ["R&S", "routing & switching"], "network", .security),
        SkillEntry("Cisco IOS", ["Cisco", "IOS-XE", "Cisco networking"], "network", .security),
        SkillEntry("Juniper Junos", ["Juniper", "Junos"], "network", .security),
        SkillEntry("Palo Alto Networks", ["PAN-OS", "Palo Alto firewalls"], "security", .security),
        SkillEntry("Fortinet", ["FortiGate"], "security", .security),
        SkillEntry("SD-WAN", ["SDWAN"], "network", .security),
        SkillEntry("Wireshark", ["packet capture"], "network", .security),
        SkillEntry("Penetration Testing", ["pentesting", "pen testing", "pentest"], "security", .security),
        SkillEntry("Burp Suite", ["Burp"], "security", .security),
        SkillEntry("Nmap", [], "security", .security),
        SkillEntry("SIEM", ["security information and event management"], "security", .security),
        SkillEntry("Splunk", ["Splunk Enterprise", "SPL"], "security", .security),
        SkillEntry("Microsoft Sentinel", ["Azure Sentinel"], "security", .security),
        SkillEntry("CrowdStrike", ["CrowdStrike Falcon"], "security", .security),
        SkillEntry("Identity and Access Management", ["IAM", "identity management"], "security", .security),
        SkillEntry("Okta", [], "security", .security),
        SkillEntry("Active Directory", ["AD", "Entra ID", "Azure AD"], "security", .security),
        SkillEntry("OWASP", ["OWASP Top 10"], "security", .security),
        SkillEntry("Threat Modelling", ["Threat Modeling", "STRIDE"], "security", .security),
        SkillEntry("Incident Response", ["IR", "DFIR"], "security", .security),
        SkillEntry("ISO 27001", ["ISO/IEC 27001", "ISMS"], "security", .security),
        SkillEntry("Cloud Security", ["CSPM", "cloud security posture"], "security", .security),
        SkillEntry("Zero Trust", ["ZTNA", "zero-trust"], "security", .security),
        SkillEntry("Vulnerability Management", ["vuln management", "Qualys", "Nessus"], "security", .security),
    ]

    private static let erp: [SkillEntry] = [
        SkillEntry("SAP S/4HANA", ["S/4HANA", "S4HANA", "SAP S4"], "erp", .erp),
        SkillEntry("SAP ABAP", ["ABAP", "ABAP OO"], "language", .erp),
        SkillEntry("SAP FICO", ["SAP FI/CO", "FICO", "SAP FI"], "erp", .erp),
        SkillEntry("SAP MM", ["SAP Materials Management"], "erp", .erp),
        SkillEntry("SAP SD", ["SAP Sales and Distribution"], "erp", .erp),
        SkillEntry("SAP BTP", ["SAP Business Technology Platform", "SAP Cloud Platform"], "erp", .erp),
        SkillEntry("SAP Fiori", ["Fiori", "SAPUI5", "UI5"], "erp", .erp),
        SkillEntry("SAP SuccessFactors", ["SuccessFactors"], "erp", .erp),
        SkillEntry("Salesforce", ["SFDC", "Salesforce.com"], "crm", .erp),
        SkillEntry("Apex", ["Salesforce Apex"], "language", .erp),
        SkillEntry("Lightning Web Components", ["LWC", "Salesforce Lightning"], "framework", .erp),
        SkillEntry("Salesforce Service Cloud", ["Service Cloud"], "crm", .erp),
        SkillEntry("Salesforce Sales Cloud", ["Sales Cloud"], "crm", .erp),
        SkillEntry("MuleSoft", ["Mule", "Mule ESB", "Anypoint"], "integration", .erp),
        SkillEntry("Dynamics 365", ["D365", "MS Dynamics", "Microsoft Dynamics 365", "Dynamics CRM"], "crm", .erp),
        SkillEntry("Dynamics 365 Finance & Operations", ["D365 F&O", "D365FO", "Dynamics AX"], "erp", .erp),
        SkillEntry("Oracle E-Business Suite", ["Oracle EBS", "EBS"], "erp", .erp),
        SkillEntry("NetSuite", ["Oracle NetSuite"], "erp", .erp),
        SkillEntry("Workday", ["Workday HCM"], "erp", .erp),
        SkillEntry("ServiceNow", ["SNOW", "ServiceNow ITSM"], "platform", .erp),
        SkillEntry("HubSpot", ["HubSpot CRM"], "crm", .erp),
    ]

    private static let delivery: [SkillEntry] = [
        SkillEntry("Scrum", ["Scrum framework", "CSM", "PSM"], "practice", .delivery),
        SkillEntry("Agile", ["Agile methodologies", "agile delivery"], "practice", .delivery),
        SkillEntry("Kanban", [], "practice", .delivery),
        SkillEntry("SAFe", ["Scaled Agile Framework"], "practice", .delivery),
        SkillEntry("Jira", ["Atlassian Jira", "Jira Software"], "tool", .delivery),
        SkillEntry("Confluence", ["Atlassian Confluence"], "tool", .delivery),
        SkillEntry("Product Management", ["product strategy"], "practice", .delivery),
        SkillEntry("Product Ownership", ["Product Owner", "backlog management", "CSPO"], "practice", .delivery),
        SkillEntry("Stakeholder Management", ["stakeholder engagement"], "practice", .delivery),
        SkillEntry("Business Analysis", ["BA", "business analyst"], "practice", .delivery),
        SkillEntry("Requirements Engineering", ["requirements gathering", "requirements analysis"], "practice", .delivery),
        SkillEntry("User Stories", ["user story mapping", "acceptance criteria"], "practice", .delivery),
        SkillEntry("Roadmapping", ["product roadmap"], "practice", .delivery),
        SkillEntry("OKRs", ["Objectives and Key Results"], "practice", .delivery),
        SkillEntry("PRINCE2", ["Prince 2", "PRINCE2 Practitioner"], "practice", .delivery),
        SkillEntry("ITIL", ["ITIL v4", "ITIL 4"], "practice", .delivery),
        SkillEntry("Selenium", ["Selenium WebDriver", "WebDriver"], "testing", .delivery),
        SkillEntry("Playwright", [], "testing", .delivery),
        SkillEntry("Test Automation", ["QA Automation", "automation testing", "automated testing"], "testing", .delivery),
        SkillEntry("Cucumber", ["BDD", "Gherkin"], "testing", .delivery),
        SkillEntry("Postman", ["Newman"], "testing", .delivery),
        SkillEntry("Appium", [], "testing", .delivery),
        SkillEntry("Performance Testing", ["load testing", "JMeter", "k6"], "testing", .delivery),
        SkillEntry("BPMN", ["process modelling", "Business Process Model and Notation"], "practice", .delivery),
    ]

    /// Skills every desk sees; they belong to no practice, so they never pull a candidate towards one.
    private static let general: [SkillEntry] = [
        SkillEntry("Git", ["git-scm", "version control"], "tool", nil),
        SkillEntry("REST APIs", ["REST", "RESTful", "RESTful APIs"], "practice", nil),
        SkillEntry("Microservices", ["microservice architecture", "MSA"], "practice", nil),
        SkillEntry("Test-Driven Development", ["TDD"], "practice", nil),
        SkillEntry("System Design", ["software architecture", "solution design"], "practice", nil),
        SkillEntry("Domain-Driven Design", ["DDD"], "practice", nil),
        SkillEntry("Technical Leadership", ["tech lead", "mentoring"], "practice", nil),
    ]

    /// Skill ids by canonical name, for writing archetype stacks by name.
    static let idsByName: [String: SkillID] = {
        var result: [String: SkillID] = [:]
        for (index, entry) in entries.enumerated() {
            precondition(result[entry.name] == nil, "skill \(entry.name) is listed twice")
            result[entry.name] = SkillID(Int64(index + 1))
        }
        return result
    }()

    static func id(_ name: String) -> SkillID {
        guard let id = idsByName[name] else { preconditionFailure("the demo taxonomy has no skill named \(name)") }
        return id
    }
}

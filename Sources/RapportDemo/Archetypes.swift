import RapportCore

/// A kind of IT role the firm places people in: its desk, its usual stack and how people in it describe themselves.
/// Jobs and candidates are both drawn from archetypes, so the demo data has real matches and real near-misses.
struct Archetype: Sendable {
    let practice: DemoPractice
    /// Job titles without a seniority prefix ("Java Engineer"); the first is also the candidate's headline title.
    let titles: [String]
    /// Lowest and highest career stage this kind of role is advertised at.
    let seniorities: ClosedRange<Seniority>
    /// Skills nearly everyone in the role has; jobs ask for them as must-haves.
    let core: [String]
    /// Skills some people in the role have; jobs list them as nice-to-haves.
    let stack: [String]
    /// Skills people in the role often want to learn next.
    let growth: [String]
    /// What the person does, for summaries: "backend engineer".
    let noun: String
    /// How the summary continues after "… with 7 years' experience ".
    let experience: [String]
    /// What the hire will do, for job descriptions.
    let duty: String
    /// Relative share of candidates and jobs.
    let weight: Int
    /// Pay relative to a typical mid-level IT role in the same region, in percent.
    let payPercent: Int
}

extension Archetype {
    /// The stack with the archetype's own desk's skills and general skills first, and how many those are, so that
    /// people and jobs are drawn mostly from their own desk while still picking up neighbouring skills.
    var homeFirstStack: (names: [String], homeCount: Int) {
        let home = stack.filter { name in
            let owner = DemoTaxonomy.entries[Int(DemoTaxonomy.id(name).rawValue) - 1].practice
            return owner == nil || owner == practice
        }
        return (home + stack.filter { !home.contains($0) }, home.count)
    }
}

enum DemoArchetypes {
    static let all: [Archetype] = jvm + microsoft + cloud + data + frontend + security + erp + delivery

    private static let jvm: [Archetype] = [
        Archetype(
            practice: .java, titles: ["Java Engineer", "Java Developer", "Backend Engineer (Java)"],
            seniorities: .junior ... .principal,
            core: ["Java", "Spring Boot", "Spring", "REST APIs", "Microservices"],
            stack: ["Hibernate", "JPA", "Maven", "Gradle", "JUnit", "Mockito", "Apache Kafka", "PostgreSQL", "Docker", "Kubernetes", "AWS", "Kotlin", "Spring Cloud", "Oracle Database", "Redis"],
            growth: ["Kotlin", "Kubernetes", "Apache Kafka", "Quarkus", "Go", "Domain-Driven Design"],
            noun: "backend engineer",
            experience: ["building payment and trading services on the JVM", "building high-volume Spring Boot microservices", "designing event-driven systems in Java and Kafka"],
            duty: "design, build and run Spring Boot services behind the product, and help the team move the remaining monolith onto event-driven microservices",
            weight: 14, payPercent: 100
        ),
        Archetype(
            practice: .java, titles: ["Scala Engineer", "Kotlin Engineer", "JVM Engineer"],
            seniorities: .mid ... .lead,
            core: ["Scala", "Kotlin", "Java", "REST APIs"],
            stack: ["Akka", "Apache Spark", "Apache Kafka", "Gradle", "Cassandra", "Docker", "Kubernetes", "Micronaut", "Quarkus", "PostgreSQL", "Domain-Driven Design"],
            growth: ["Rust", "Go", "Kubernetes", "Machine Learning"],
            noun: "functional programmer",
            experience: ["writing streaming back ends in Scala and Kotlin", "building typed, concurrent services on the JVM"],
            duty: "build the streaming services that turn raw events into real-time decisions, in Scala and Kotlin",
            weight: 4, payPercent: 110
        ),
        Archetype(
            practice: .java, titles: ["Java Solutions Architect", "Software Architect (JVM)"],
            seniorities: .lead ... .principal,
            core: ["Java", "System Design", "Microservices", "Spring Boot", "Technical Leadership"],
            stack: ["Domain-Driven Design", "Spring Cloud", "Spring", "Hibernate", "Quarkus", "JVM Performance Tuning", "Jakarta EE", "REST APIs", "Apache Kafka", "AWS", "Kubernetes", "Oracle Database"],
            growth: ["Large Language Models", "Google Cloud", "Cloud Security"],
            noun: "architect",
            experience: ["shaping large Java estates", "leading platform modernisation on the JVM"],
            duty: "own the target architecture for the core platform and guide several Java teams through the move to the cloud",
            weight: 3, payPercent: 130
        ),
    ]

    private static let microsoft: [Archetype] = [
        Archetype(
            practice: .dotnet, titles: [".NET Developer", "C# Developer", "Software Engineer (.NET)"],
            seniorities: .junior ... .principal,
            core: ["C#", ".NET", "ASP.NET Core", "SQL Server"],
            stack: ["Entity Framework", "T-SQL", "Azure", "Azure DevOps", "xUnit", "REST APIs", "Microservices", "Docker", "SignalR", "PowerShell", "Blazor", "Git"],
            growth: ["Azure Kubernetes Service", "F#", "Blazor", "Terraform"],
            noun: ".NET developer",
            experience: ["building line-of-business systems in C#", "shipping ASP.NET Core APIs on Azure", "modernising .NET Framework applications"],
            duty: "build and maintain ASP.NET Core APIs and the services around them, and retire the last .NET Framework components",
            weight: 12, payPercent: 95
        ),
        Archetype(
            practice: .dotnet, titles: ["Full-Stack .NET Developer", "Full-Stack C# Engineer"],
            seniorities: .junior ... .lead,
            core: ["C#", ".NET", "ASP.NET Core", "TypeScript"],
            stack: ["Angular", "React", "Blazor", "Entity Framework", "T-SQL", "SQL Server", "Azure", "HTML", "CSS", "Azure DevOps", "xUnit", "SharePoint", "SignalR"],
            growth: ["React", "Azure Kubernetes Service", ".NET MAUI"],
            noun: "full-stack developer",
            experience: ["delivering web applications end to end on the Microsoft stack", "building ASP.NET Core back ends with Angular and React front ends"],
            duty: "work across an ASP.NET Core back end and a TypeScript front end, from database change to accessible UI",
            weight: 6, payPercent: 95
        ),
    ]

    private static let cloud: [Archetype] = [
        Archetype(
            practice: .cloud, titles: ["Site Reliability Engineer", "Platform Engineer"],
            seniorities: .mid ... .principal,
            core: ["Kubernetes", "Terraform", "Linux", "Site Reliability Engineering", "AWS"],
            stack: ["Prometheus", "Grafana", "Go", "Helm", "Argo CD", "Docker", "Datadog", "OpenTelemetry", "Istio", "Amazon EKS", "Bash", "Python", "Google Cloud", "CI/CD"],
            growth: ["Rust", "OpenTelemetry", "Cloud Security", "Go"],
            noun: "platform engineer",
            experience: ["running Kubernetes platforms at scale", "keeping production fast and boring for product teams", "building internal developer platforms"],
            duty: "run and improve the Kubernetes platform, own SLOs with product teams and automate away toil",
            weight: 8, payPercent: 110
        ),
        Archetype(
            practice: .cloud, titles: ["DevOps Engineer", "Cloud Engineer"],
            seniorities: .junior ... .lead,
            core: ["CI/CD", "Docker", "Terraform", "Azure", "Linux"],
            stack: ["Kubernetes", "Ansible", "Jenkins", "GitHub Actions", "GitLab CI", "Azure DevOps", "Bicep", "Bash", "PowerShell", "Python", "Azure Kubernetes Service", "AWS", "HashiCorp Vault", "Git"],
            growth: ["Kubernetes", "Go", "Argo CD", "Site Reliability Engineering"],
            noun: "DevOps engineer",
            experience: ["automating build and release pipelines", "moving on-premises workloads to Azure and AWS"],
            duty: "build the pipelines and infrastructure as code that let teams release several times a day",
            weight: 8, payPercent: 100
        ),
        Archetype(
            practice: .cloud, titles: ["Cloud Architect", "Cloud Solutions Architect"],
            seniorities: .senior ... .principal,
            core: ["AWS", "Azure", "System Design", "Terraform"],
            stack: ["Google Cloud", "Kubernetes", "Cloud Security", "Identity and Access Management", "Zero Trust", "Microservices", "CloudFormation", "Bicep", "Technical Leadership", "AWS Lambda"],
            growth: ["Large Language Models", "Zero Trust", "Google Cloud"],
            noun: "cloud architect",
            experience: ["leading cloud migrations for regulated organisations", "designing landing zones and multi-account strategies"],
            duty: "design the landing zone and migration path for the remaining on-premises estate, with security and cost built in",
            weight: 4, payPercent: 130
        ),
        Archetype(
            practice: .cloud, titles: ["Go Engineer", "Backend Engineer (Go)"],
            seniorities: .mid ... .lead,
            core: ["Go", "REST APIs", "Docker", "PostgreSQL"],
            stack: ["Kubernetes", "Microservices", "Redis", "AWS", "Google Cloud", "Apache Kafka", "Prometheus", "Linux", "Terraform", "Test-Driven Development"],
            growth: ["Rust", "Kubernetes", "OpenTelemetry"],
            noun: "Go engineer",
            experience: ["building low-latency services in Go", "writing cloud-native back ends and tooling in Go"],
            duty: "build low-latency Go services and the tooling around them",
            weight: 4, payPercent: 110
        ),
    ]

    private static let data: [Archetype] = [
        Archetype(
            practice: .data, titles: ["Data Engineer", "Analytics Engineer"],
            seniorities: .junior ... .principal,
            core: ["Python", "SQL", "Apache Spark", "ETL"],
            stack: ["Apache Airflow", "dbt", "Snowflake", "Databricks", "Apache Kafka", "AWS", "Azure Data Factory", "BigQuery", "Amazon Redshift", "Data Modelling", "PostgreSQL", "Scala", "Terraform", "Docker"],
            growth: ["Databricks", "dbt", "MLOps", "Apache Kafka"],
            noun: "data engineer",
            experience: ["building batch and streaming pipelines", "modelling warehouses in Snowflake and Databricks", "moving analytics from spreadsheets to a governed lakehouse"],
            duty: "build reliable pipelines into the lakehouse and model the data so analysts can trust it",
            weight: 9, payPercent: 105
        ),
        Archetype(
            practice: .data, titles: ["Machine Learning Engineer", "ML Engineer", "AI Engineer"],
            seniorities: .mid ... .principal,
            core: ["Python", "Machine Learning", "PyTorch", "MLOps"],
            stack: ["TensorFlow", "scikit-learn", "Large Language Models", "Natural Language Processing", "Deep Learning", "Docker", "Kubernetes", "AWS", "Google Cloud", "Databricks", "SQL", "pandas", "NumPy"],
            growth: ["Large Language Models", "Rust", "Kubernetes"],
            noun: "machine learning engineer",
            experience: ["taking models from notebook to production", "building retrieval and language-model features", "running training and inference platforms"],
            duty: "take models from prototype to production and build the evaluation and monitoring around them",
            weight: 5, payPercent: 120
        ),
        Archetype(
            practice: .data, titles: ["Data Scientist"],
            seniorities: .junior ... .lead,
            core: ["Python", "Statistics", "Machine Learning", "SQL"],
            stack: ["pandas", "NumPy", "scikit-learn", "R", "Tableau", "Power BI", "PyTorch", "Natural Language Processing", "Databricks", "BigQuery"],
            growth: ["Large Language Models", "MLOps", "Deep Learning"],
            noun: "data scientist",
            experience: ["forecasting demand and pricing", "building churn and risk models", "running experiments for product teams"],
            duty: "turn questions from the business into models and experiments, and explain the results to people who will act on them",
            weight: 4, payPercent: 105
        ),
        Archetype(
            practice: .data, titles: ["BI Developer", "Data Analyst", "Power BI Developer"],
            seniorities: .junior ... .senior,
            core: ["SQL", "Power BI", "Data Modelling"],
            stack: ["Tableau", "Looker", "T-SQL", "SQL Server", "Azure Data Factory", "Snowflake", "Python", "dbt", "Stakeholder Management", "ETL"],
            growth: ["dbt", "Python", "Snowflake"],
            noun: "BI developer",
            experience: ["building dashboards executives actually use", "turning messy operational data into reporting"],
            duty: "build the reporting layer and dashboards that finance and operations run the business on",
            weight: 5, payPercent: 85
        ),
        Archetype(
            practice: .data, titles: ["Database Administrator", "Database Engineer"],
            seniorities: .mid ... .lead,
            core: ["Database Administration", "SQL", "PostgreSQL", "SQL Server"],
            stack: ["Oracle Database", "MySQL", "T-SQL", "Linux", "PowerShell", "AWS", "MongoDB", "Redis", "Cassandra", "Elasticsearch", "Data Modelling", "ETL"],
            growth: ["Terraform", "Snowflake", "Kubernetes"],
            noun: "DBA",
            experience: ["keeping critical databases fast and recoverable", "migrating Oracle and SQL Server estates to PostgreSQL"],
            duty: "keep production databases healthy, tune the slow queries and lead the migration from Oracle to PostgreSQL",
            weight: 3, payPercent: 95
        ),
    ]

    private static let frontend: [Archetype] = [
        Archetype(
            practice: .frontend, titles: ["Frontend Developer", "React Developer", "Frontend Engineer"],
            seniorities: .junior ... .principal,
            core: ["JavaScript", "TypeScript", "React", "HTML", "CSS"],
            stack: ["Next.js", "Redux", "GraphQL", "Jest", "Cypress", "Tailwind CSS", "Sass", "Web Accessibility", "Node.js", "Webpack", "Figma", "Vue.js", "Angular", "Playwright"],
            growth: ["Next.js", "Web Accessibility", "Node.js", "React Native"],
            noun: "frontend developer",
            experience: ["building accessible React applications", "shipping design systems and component libraries", "building fast customer-facing web apps"],
            duty: "build accessible, fast React interfaces with designers and own the component library",
            weight: 10, payPercent: 95
        ),
        Archetype(
            practice: .frontend, titles: ["iOS Developer", "iOS Engineer"],
            seniorities: .junior ... .lead,
            core: ["Swift", "iOS", "SwiftUI"],
            stack: ["Objective-C", "REST APIs", "GraphQL", "Git", "CI/CD", "Test-Driven Development", "Figma", "Web Accessibility", "Flutter", "React Native"],
            growth: ["SwiftUI", "Kotlin", "Flutter"],
            noun: "iOS developer",
            experience: ["shipping consumer iPhone apps", "building banking and health apps in Swift"],
            duty: "build and ship the iPhone app in SwiftUI, with a strong eye for accessibility and performance",
            weight: 4, payPercent: 100
        ),
        Archetype(
            practice: .frontend, titles: ["Android Developer", "Android Engineer"],
            seniorities: .junior ... .lead,
            core: ["Kotlin", "Android", "Jetpack Compose"],
            stack: ["REST APIs", "GraphQL", "Git", "CI/CD", "Flutter", "Dart", "React Native", "Test-Driven Development", "Figma", "Web Accessibility"],
            growth: ["Jetpack Compose", "Flutter", "Swift"],
            noun: "Android developer",
            experience: ["shipping Android apps used by millions", "moving Android apps to Jetpack Compose"],
            duty: "build the Android app in Kotlin and Jetpack Compose and keep it fast on older devices",
            weight: 4, payPercent: 100
        ),
        Archetype(
            practice: .frontend, titles: ["Full-Stack Engineer", "Full-Stack TypeScript Developer", "Node.js Developer"],
            seniorities: .junior ... .lead,
            core: ["TypeScript", "Node.js", "React", "JavaScript"],
            stack: ["Next.js", "GraphQL", "PostgreSQL", "MongoDB", "AWS", "Docker", "Jest", "REST APIs", "Redis", "Tailwind CSS", "Vue.js", "Cypress"],
            growth: ["Go", "Kubernetes", "Rust"],
            noun: "full-stack engineer",
            experience: ["building products end to end in TypeScript", "shipping Node.js APIs and React front ends at start-ups"],
            duty: "own features end to end across a Node.js API and a React front end",
            weight: 7, payPercent: 100
        ),
    ]

    private static let security: [Archetype] = [
        Archetype(
            practice: .security, titles: ["Security Engineer", "Cloud Security Engineer", "Security Operations Engineer"],
            seniorities: .mid ... .principal,
            core: ["Cloud Security", "SIEM", "Incident Response", "Identity and Access Management"],
            stack: ["Splunk", "Microsoft Sentinel", "CrowdStrike", "Okta", "Zero Trust", "Threat Modelling", "AWS", "Azure", "Python", "Vulnerability Management", "ISO 27001", "Terraform"],
            growth: ["Zero Trust", "Cloud Security", "Threat Modelling"],
            noun: "security engineer",
            experience: ["running detection and response for cloud estates", "hardening identity and access across hybrid environments"],
            duty: "improve detection and response, harden identity and help product teams threat-model what they build",
            weight: 5, payPercent: 110
        ),
        Archetype(
            practice: .security, titles: ["Network Engineer", "Network Specialist"],
            seniorities: .junior ... .lead,
            core: ["Routing and Switching", "TCP/IP", "Cisco IOS", "BGP"],
            stack: ["OSPF", "Juniper Junos", "Palo Alto Networks", "Fortinet", "SD-WAN", "Wireshark", "Network Security", "Python", "Ansible", "Linux", "Zero Trust"],
            growth: ["Python", "Ansible", "Cloud Security"],
            noun: "network engineer",
            experience: ["running enterprise and data-centre networks", "rolling out SD-WAN across branch offices"],
            duty: "run and modernise the WAN and data-centre network, including the SD-WAN roll-out",
            weight: 4, payPercent: 85
        ),
        Archetype(
            practice: .security, titles: ["Penetration Tester", "Offensive Security Consultant"],
            seniorities: .junior ... .lead,
            core: ["Penetration Testing", "OWASP", "Burp Suite"],
            stack: ["Nmap", "Python", "Bash", "Linux", "Network Security", "Cloud Security", "Threat Modelling", "Active Directory", "Wireshark"],
            growth: ["Cloud Security", "Threat Modelling"],
            noun: "penetration tester",
            experience: ["testing web applications and internal networks", "running red-team exercises for financial services"],
            duty: "test web applications, APIs and internal networks, and help developers fix what you find",
            weight: 2, payPercent: 100
        ),
    ]

    private static let erp: [Archetype] = [
        Archetype(
            practice: .erp, titles: ["SAP Consultant", "SAP S/4HANA Consultant", "SAP FICO Consultant"],
            seniorities: .mid ... .principal,
            core: ["SAP S/4HANA", "SAP FICO"],
            stack: ["SAP MM", "SAP SD", "SAP ABAP", "SAP Fiori", "SAP BTP", "SAP SuccessFactors", "Business Analysis", "Stakeholder Management", "BPMN"],
            growth: ["SAP BTP", "SAP S/4HANA"],
            noun: "SAP consultant",
            experience: ["delivering S/4HANA implementations", "leading finance workstreams on SAP programmes"],
            duty: "lead the finance workstream of the S/4HANA programme, from design workshops to cut-over",
            weight: 4, payPercent: 110
        ),
        Archetype(
            practice: .erp, titles: ["Salesforce Developer", "Salesforce Engineer"],
            seniorities: .junior ... .lead,
            core: ["Salesforce", "Apex", "Lightning Web Components"],
            stack: ["Salesforce Service Cloud", "Salesforce Sales Cloud", "MuleSoft", "JavaScript", "SQL", "REST APIs", "Git", "CI/CD", "HubSpot"],
            growth: ["MuleSoft", "Salesforce Service Cloud"],
            noun: "Salesforce developer",
            experience: ["building Service Cloud and Sales Cloud solutions", "integrating Salesforce with ERP and billing systems"],
            duty: "build Apex and Lightning Web Components on Service Cloud and integrate Salesforce with the billing platform",
            weight: 4, payPercent: 100
        ),
        Archetype(
            practice: .erp, titles: ["Dynamics 365 Consultant", "ServiceNow Developer"],
            seniorities: .mid ... .lead,
            core: ["Dynamics 365", "Power Platform", "Business Analysis"],
            stack: ["Dynamics 365 Finance & Operations", "ServiceNow", "Workday", "NetSuite", "Oracle E-Business Suite", "MuleSoft", "HubSpot", "C#", "JavaScript", "Azure", "ITIL"],
            growth: ["ServiceNow", "MuleSoft"],
            noun: "business-systems consultant",
            experience: ["configuring Dynamics 365 and ServiceNow for service teams", "running ERP and CRM roll-outs"],
            duty: "configure and extend Dynamics 365 for the service and finance teams",
            weight: 3, payPercent: 100
        ),
    ]

    private static let delivery: [Archetype] = [
        Archetype(
            practice: .delivery, titles: ["Scrum Master", "Agile Delivery Lead", "Delivery Manager"],
            seniorities: .mid ... .lead,
            core: ["Scrum", "Agile", "Jira"],
            stack: ["Kanban", "SAFe", "Confluence", "Stakeholder Management", "OKRs", "PRINCE2", "ITIL"],
            growth: ["SAFe", "Product Management", "OKRs"],
            noun: "scrum master",
            experience: ["coaching software teams", "running delivery for multi-team programmes"],
            duty: "coach two product teams, remove blockers and make delivery predictable without adding ceremony",
            weight: 4, payPercent: 90
        ),
        Archetype(
            practice: .delivery, titles: ["Product Owner", "Product Manager", "Technical Product Manager"],
            seniorities: .mid ... .principal,
            core: ["Product Ownership", "Product Management", "Stakeholder Management", "User Stories"],
            stack: ["Roadmapping", "OKRs", "Jira", "Agile", "Scrum", "Figma", "SQL", "Business Analysis"],
            growth: ["SQL", "Large Language Models", "OKRs"],
            noun: "product manager",
            experience: ["owning B2B and consumer products", "turning customer research into roadmaps"],
            duty: "own the product backlog and roadmap, and decide with the team what not to build",
            weight: 4, payPercent: 105
        ),
        Archetype(
            practice: .delivery, titles: ["QA Automation Engineer", "Test Automation Engineer", "SDET"],
            seniorities: .junior ... .lead,
            core: ["Test Automation", "Selenium", "Playwright"],
            stack: ["Cypress", "Cucumber", "Postman", "Appium", "Performance Testing", "Jira", "Confluence", "Agile", "Java", "TypeScript", "Python"],
            growth: ["Playwright", "Performance Testing", "TypeScript"],
            noun: "test automation engineer",
            experience: ["building automated test suites that teams trust", "moving manual regression into CI"],
            duty: "build the automated test suites and quality gates that let teams release with confidence",
            weight: 5, payPercent: 85
        ),
        Archetype(
            practice: .delivery, titles: ["Business Analyst", "Technical Business Analyst"],
            seniorities: .junior ... .lead,
            core: ["Business Analysis", "Requirements Engineering", "Stakeholder Management"],
            stack: ["BPMN", "User Stories", "SQL", "Jira", "Confluence", "Agile", "Power BI", "Data Modelling"],
            growth: ["Product Ownership", "SQL", "Power BI"],
            noun: "business analyst",
            experience: ["bridging operations and engineering", "mapping processes for regulatory change programmes"],
            duty: "work with operations and engineering to map today's process and specify tomorrow's",
            weight: 4, payPercent: 85
        ),
    ]
}

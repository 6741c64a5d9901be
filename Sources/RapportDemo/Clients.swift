import RapportCore

/// Fictional client companies. The names are invented; any likeness to a real company is accidental.
enum DemoClients {
    struct Entry: Sendable {
        let name: String
        let industry: String
        let region: Region
        let notes: String
    }

    static let industries = [
        "fintech", "banking", "insurance", "healthcare", "government", "retail", "media", "logistics", "energy",
        "education", "telecoms", "gaming", "travel", "manufacturing", "property", "agritech", "transport",
    ]

    /// Domains people say they are curious about, beyond industries.
    static let interestDomains = [
        "climate tech", "open source", "healthtech", "payments", "developer tooling", "accessibility", "edtech",
        "public sector", "sports tech", "music tech", "space", "robotics", "cyber security", "not-for-profit",
        "sustainability", "e-commerce", "games", "AI safety", "data privacy", "transport",
    ]

    static let entries: [Entry] = [
        Entry(name: "Larkspur Ledger", industry: "fintech", region: .us, notes: "Series C payments platform; fast interview loop."),
        Entry(name: "Cobaltine Health Partners", industry: "healthcare", region: .us, notes: "Hospital network; HIPAA training required on day one."),
        Entry(name: "Brightmarrow Retail Group", industry: "retail", region: .us, notes: "Omnichannel retailer re-platforming its e-commerce stack."),
        Entry(name: "Fernwick Freight", industry: "logistics", region: .us, notes: "Mid-size freight broker; strong engineering culture."),
        Entry(name: "Quillon Media Labs", industry: "media", region: .us, notes: "Streaming and podcast analytics."),
        Entry(name: "Stonebrook County Services", industry: "government", region: .us, notes: "County digital services; background checks take three weeks."),
        Entry(name: "Velmora Energy", industry: "energy", region: .us, notes: "Renewables operator building grid analytics."),
        Entry(name: "Thistlebright Learning", industry: "education", region: .us, notes: "K-12 learning platform."),
        Entry(name: "Orvane Telecom", industry: "telecoms", region: .us, notes: "Regional carrier modernising its BSS."),
        Entry(name: "Hexfall Games", industry: "gaming", region: .us, notes: "Independent studio; crunch-free policy."),
        Entry(name: "Marrowgate Mutual Insurance", industry: "insurance", region: .us, notes: "Mutual insurer moving claims to the cloud."),
        Entry(name: "Ambervale Bancorp", industry: "banking", region: .us, notes: "Community bank; hybrid three days a week."),
        Entry(name: "Kestrelwind Travel", industry: "travel", region: .us, notes: "Online travel agency; peak freeze in summer."),
        Entry(name: "Ironquill Manufacturing", industry: "manufacturing", region: .us, notes: "Industrial IoT and SAP shop."),
        Entry(name: "Harrowmere Building Society", industry: "banking", region: .uk, notes: "Mutual lender; SC clearance not needed."),
        Entry(name: "Wrenfield Health Trust", industry: "healthcare", region: .uk, notes: "Health trust digitising patient records."),
        Entry(name: "Office for Civic Records", industry: "government", region: .uk, notes: "Public body; roles inside IR35, BPSS checks."),
        Entry(name: "Calderbright Energy", industry: "energy", region: .uk, notes: "Energy supplier building smart-meter data pipelines."),
        Entry(name: "Ashcombe & Pryce", industry: "retail", region: .uk, notes: "High-street and online retailer."),
        Entry(name: "Tidemoor Logistics", industry: "logistics", region: .uk, notes: "Warehousing and last-mile delivery."),
        Entry(name: "Pennyfold Payments", industry: "fintech", region: .uk, notes: "FCA-regulated payments start-up."),
        Entry(name: "Greyling Broadcasting", industry: "media", region: .uk, notes: "Broadcaster moving playout to the cloud."),
        Entry(name: "Lowther Vale University", industry: "education", region: .uk, notes: "Research university; generous leave."),
        Entry(name: "Northgale Telecom", industry: "telecoms", region: .uk, notes: "Full-fibre network builder."),
        Entry(name: "Mistle Forge Studios", industry: "gaming", region: .uk, notes: "Console studio in Leamington and Manchester."),
        Entry(name: "Cresswold Insurance", industry: "insurance", region: .uk, notes: "Specialty insurer on a Salesforce programme."),
        Entry(name: "Fallowmere Rail", industry: "transport", region: .uk, notes: "Train operator; shift-pattern support roles."),
        Entry(name: "Quaystone Property", industry: "property", region: .uk, notes: "Commercial landlord with a small data team."),
        Entry(name: "Kōwhaiora Health", industry: "healthcare", region: .nz, notes: "Primary-care software provider."),
        Entry(name: "Tōtara Mutual Bank", industry: "banking", region: .nz, notes: "Member-owned bank; Wellington and Auckland hubs."),
        Entry(name: "Harakeke Energy", industry: "energy", region: .nz, notes: "Geothermal and hydro generator."),
        Entry(name: "Tussockland Agritech", industry: "agritech", region: .nz, notes: "Farm-sensor and herd analytics."),
        Entry(name: "Pōhutukawa Freight", industry: "logistics", region: .nz, notes: "Coastal shipping and rail freight."),
        Entry(name: "Te Ara Mātauranga Learning", industry: "education", region: .nz, notes: "Bilingual learning platform."),
        Entry(name: "Kererū Games", industry: "gaming", region: .nz, notes: "Mobile game studio in Wellington."),
        Entry(name: "Civic Digital Agency", industry: "government", region: .nz, notes: "Government shared-services agency."),
        Entry(name: "Pīwakawaka Payments", industry: "fintech", region: .nz, notes: "Buy-now-pay-later and payments."),
        Entry(name: "Weka Telecom", industry: "telecoms", region: .nz, notes: "Regional broadband provider."),
        Entry(name: "Harbourlight Securities", industry: "banking", region: .hk, notes: "Brokerage; trading-floor hours."),
        Entry(name: "Jade Lantern Insurance", industry: "insurance", region: .hk, notes: "Life insurer running a core-system replacement."),
        Entry(name: "Peakside Logistics", industry: "logistics", region: .hk, notes: "Air-cargo forwarder at the airport."),
        Entry(name: "Lotus Crane Retail", industry: "retail", region: .hk, notes: "Department stores across Hong Kong and Macau."),
        Entry(name: "Bayview Hospital Group", industry: "healthcare", region: .hk, notes: "Private hospitals; Cantonese an advantage."),
        Entry(name: "Dragonet Pay", industry: "fintech", region: .hk, notes: "Stored-value wallet licensed by the HKMA."),
        Entry(name: "Neon Tram Media", industry: "media", region: .hk, notes: "Digital publisher and video studio."),
        Entry(name: "Victoria Quay Properties", industry: "property", region: .hk, notes: "Developer with a smart-building team."),
        Entry(name: "Silkwave Telecom", industry: "telecoms", region: .hk, notes: "Mobile operator building 5G services."),
        Entry(name: "Lantau Grid Energy", industry: "energy", region: .hk, notes: "Utility modernising its grid telemetry."),
    ]

    static func website(_ name: String) -> String {
        "https://" + NamePart.slug(name) + ".example.com"
    }
}

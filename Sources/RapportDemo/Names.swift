import RapportCore

/// A name part as people write it, and the plain ASCII form used in e-mail addresses ("Tāwhiri" → "tawhiri").
struct NamePart: Sendable {
    let text: String
    let slug: String

    init(_ text: String) {
        self.text = text
        slug = NamePart.slug(text)
    }

    init(text: String, slug: String) {
        self.text = text
        self.slug = slug
    }

    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ā": result.append("a")
            case "ē": result.append("e")
            case "ī": result.append("i")
            case "ō": result.append("o")
            case "ū": result.append("u")
            case "a"..."z", "0"..."9": result.unicodeScalars.append(scalar)
            default: break  // spaces, apostrophes and hyphens do not belong in a mailbox name
            }
        }
        return result
    }
}

/// Given and family names per region, weighted towards how people there are actually named.
enum DemoNames {
    static let usGiven = parts(
        "James", "Michael", "Robert", "David", "William", "Daniel", "Matthew", "Anthony", "Joshua", "Andrew",
        "Christopher", "Brian", "Kevin", "Jason", "Ryan", "Tyler", "Marcus", "DeShawn", "Jamal", "Luis", "Carlos",
        "José", "Miguel", "Wei", "Raj", "Arjun", "Vikram", "Hiroshi", "Minh", "Jin", "Mary", "Jennifer", "Jessica",
        "Sarah", "Emily", "Ashley", "Amanda", "Megan", "Lauren", "Rachel", "Nicole", "Samantha", "Brittany",
        "Keisha", "Aaliyah", "Maria", "Sofia", "Gabriela", "Priya", "Ananya", "Mei", "Linh", "Olivia", "Emma",
        "Abigail", "Madison", "Hannah", "Grace", "Zoe", "Nadia"
    )
    static let usFamily = parts(
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Thomas",
        "Taylor", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Garcia", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Nguyen", "Tran", "Kim", "Park", "Chen", "Wang",
        "Liu", "Patel", "Shah", "Singh", "Gupta", "Cohen", "O'Connor", "Sullivan", "Washington"
    )

    static let ukGiven = parts(
        "Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Alfie", "Joshua", "Callum",
        "Rhys", "Owen", "Dylan", "Fraser", "Euan", "Ciaran", "Declan", "Mohammed", "Imran", "Hamza", "Ravi",
        "Sanjay", "Kwame", "Tomasz", "Piotr", "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Lucy",
        "Chloe", "Charlotte", "Eleanor", "Harriet", "Megan", "Bethan", "Cerys", "Eilidh", "Morag", "Siobhan",
        "Niamh", "Aoife", "Aisha", "Fatima", "Zainab", "Priya", "Anjali", "Ngozi", "Agnieszka", "Rosie", "Imogen"
    )
    static let ukFamily = parts(
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans", "Thomas",
        "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
        "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Turner", "Hill", "Cooper", "Ward", "Morris",
        "Morgan", "Price", "Griffiths", "Lloyd", "MacDonald", "Campbell", "Stewart", "Murray", "Fraser",
        "Robertson", "O'Brien", "Kelly", "Murphy", "Khan", "Ahmed", "Hussain", "Begum", "Patel", "Sharma",
        "Okafor", "Mensah", "Kowalski", "Nowak", "Chapman", "Fletcher", "Holmes", "Barker"
    )

    static let nzGiven = parts(
        "Aroha", "Anahera", "Mere", "Ngaio", "Kiri", "Hine", "Mereana", "Kahurangi", "Manaia", "Tui", "Wiremu",
        "Hēmi", "Tama", "Rāwiri", "Nikau", "Kahu", "Tāne", "Matiu", "Hōhepa", "Ihaia", "Sione", "Tevita", "Losa",
        "Sina", "Jack", "Oliver", "Liam", "Noah", "Hunter", "Lachlan", "Finn", "Cooper", "Mason", "Charlotte",
        "Olivia", "Isla", "Amelia", "Harper", "Ruby", "Sophie", "Georgia", "Mia", "Hannah", "Zara", "Arjun",
        "Priya", "Jia", "Hyun-woo", "Ravi", "Ana"
    )
    static let nzFamily = parts(
        "Ngata", "Parata", "Tamihana", "Rangi", "Horomona", "Te Aho", "Whaanga", "Kereama", "Poutama", "Pōmare",
        "Karaka", "Hēnare", "Te Whare", "Tipene", "Walker", "Wilson", "Thompson", "Smith", "Brown",
        "Taylor", "Anderson", "Williams", "Harris", "Martin", "Campbell", "Stewart", "Robertson", "Mackenzie",
        "Fa'afoi", "Tuilagi", "Fonoti", "Taufa", "Lemalu", "Singh", "Patel", "Chen", "Li", "Kim", "Sharma",
        "Cooper", "Hill", "Baker", "Reid", "Fraser", "Morrison", "Clarke", "Young", "Wright", "King"
    )

    /// Common Hong Kong surnames in Cantonese (Hong Kong government) romanisation.
    static let hkFamily = parts(
        "Chan", "Wong", "Lee", "Cheung", "Lau", "Ho", "Ng", "Leung", "Cheng", "Yeung", "Tsang", "Lam", "Chow",
        "Tang", "Fung", "Kwok", "Mak", "Yip", "Choi", "Chu", "Kwan", "Lai", "Tse", "Siu", "Lo", "Au", "Chung",
        "Poon", "Yuen", "So", "Tam", "Law", "Hui", "Chiu"
    )
    /// Syllables of Cantonese given names; a given name is two of them, as in "Chan Tai Man".
    static let hkSyllables = [
        "Tai", "Man", "Ka", "Ho", "Wai", "Ming", "Kin", "Chun", "Siu", "Yan", "Mei", "Ling", "Hoi", "Yee", "Wing",
        "Kit", "Ying", "Fai", "Chi", "Lok", "Pui", "Sze", "Tsz", "Hin", "Yu", "Kwan", "Hei", "Long", "Shan", "Wah",
        "Kei", "Yin", "Sum", "On",
    ]
    /// English first names popular in Hong Kong, used before the surname: "Kelvin Wong".
    static let hkEnglish = parts(
        "Kelvin", "Ivan", "Alvin", "Kenneth", "Eric", "Jason", "Vincent", "Raymond", "Edmund", "Horace", "Wilson",
        "Brian", "Cyrus", "Ken", "Terence", "Dickson", "Gary", "Sunny", "Tommy", "Jacky", "Carmen", "Winnie",
        "Gigi", "Karen", "Rachel", "Priscilla", "Janice", "Natalie", "Tiffany", "Queenie", "Cherry", "Candy",
        "Iris", "Vivian", "Heidi", "Yvonne"
    )

    /// Every two-syllable Cantonese given name, precomputed so a candidate's name costs one concatenation.
    static let hkGiven: [NamePart] = hkSyllables.flatMap { first in
        hkSyllables.compactMap { second in
            first == second ? nil : NamePart(text: first + " " + second, slug: NamePart.slug(first + second))
        }
    }

    private static func parts(_ names: String...) -> [NamePart] {
        names.map(NamePart.init)
    }
}

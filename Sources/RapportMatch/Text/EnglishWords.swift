/// The English the extractor needs to tell a skill from an ordinary word: words and names that are also skill names,
/// abbreviations that are also skill aliases, and the words around a skill that show it is one.
///
/// Hand-curated. Words whose everyday sense *is* the skill (agile, statistics, mentoring) do no harm here: skills of
/// a concept category skip the word test (`conceptCategories`). Words that mean the technology almost every time they
/// are written in a job ad or CV (Python, Java, Linux, Kafka, Excel) are deliberately left out.
enum EnglishWords {
    /// Whether a lowercased single word is ordinary English (or a first name), so a skill of that name must be
    /// written as the taxonomy writes it and stand in technical context ("Go", not "go"; "Spring and Hibernate", not
    /// "Spring 2026").
    static func isOrdinary(_ lower: String) -> Bool {
        ordinary.contains(lower)
    }

    /// Whether a skill name as written is an abbreviation with an everyday meaning in job ads and CVs ("BA" the
    /// degree, "RN" the nurse, "PG" postgraduate, "AD" the year), so it needs technical context. Case matters: "ml"
    /// the unit is everyday, "ML" is machine learning.
    static func isEverydayAbbreviation(_ cased: String) -> Bool {
        abbreviations.contains(cased)
    }

    /// Categories whose skills are concepts named by ordinary words (Agile, Statistics, Accessibility): the word
    /// written in any case is the skill, so they skip the ordinary-word test.
    static let conceptCategories: Set<String> = [
        "practice", "practices", "methodology", "methodologies", "method", "methods", "concept", "concepts",
        "discipline", "soft skill", "soft skills", "soft-skill", "domain", "competency", "competencies", "process",
    ]

    /// Words that show a nearby ambiguous name is a technology, on either side: "Go developer", "R programming",
    /// "written in Go", "programming in C", "Swift code".
    static let technicalCues: Set<String> = [
        "language", "languages", "lang", "programming", "program", "programs", "programmer", "programmers",
        "developer", "developers", "development", "dev", "devs", "engineer", "engineers", "engineering", "code",
        "coding", "coder", "coders", "codebase", "codebases", "script", "scripts", "scripting", "framework",
        "frameworks", "library", "libraries", "package", "packages", "sdk", "sdks", "api", "apis", "compiler",
        "runtime", "toolchain", "tooling", "stack", "backend", "frontend", "fullstack", "microservice", "written",
        "coded", "implemented", "server", "servers", "modules", "module", "app", "apps", "application",
        "applications", "cli", "repo", "repos", "repository", "syntax", "idiomatic", "concurrency", "goroutines",
        "cookbooks", "cookbook", "manifests", "playbooks", "jobs", "cluster", "clusters",
    ]

    /// Words that show a following ambiguous name is a skill, only when they come before it: "experience with Go",
    /// "5 years of Rust", "knowledge of Spring", "skills: R". After the name they prove nothing ("Swift delivery
    /// experience").
    static let cuesBefore: Set<String> = [
        "experience", "experienced", "knowledge", "proficient", "proficiency", "expertise", "expert", "familiarity",
        "familiar", "skilled", "fluent", "fluency", "years", "skills", "skill", "technologies", "technology", "tools",
        "tool", "using", "tech", "competence", "competent", "mastery", "certified", "advanced", "intermediate",
    ]

    /// Words that may stand between two skills of one list without breaking it: "R and Python", "Chef or Puppet",
    /// "Go with Kubernetes".
    static let connectors: Set<String> = [
        "and", "or", "with", "plus", "vs", "versus", "including", "incl", "nor", "also", "e", "g", "eg", "ie", "i",
        "as", "well", "especially", "ideally", "preferably", "both", "either",
    ]

    /// Version families that are abbreviations of a skill name rather than the name itself: "ES2022" is ECMAScript.
    static let versionFamilies: [String: String] = ["es": "ecmascript"]

    /// British spellings no suffix rule folds.
    static let americanSpellings: [String: String] = [
        "licence": "license", "licences": "licenses", "licenced": "licensed", "licencing": "licensing",
        "defence": "defense", "offence": "offense", "programme": "program", "programmes": "programs",
        "grey": "gray", "judgement": "judgment", "ageing": "aging", "enrolment": "enrollment",
        "fulfil": "fulfill", "skilful": "skillful", "artefact": "artifact", "artefacts": "artifacts",
        "cheque": "check", "cheques": "checks", "tonne": "ton", "plough": "plow", "aluminium": "aluminum",
        "mould": "mold", "storey": "story", "kerb": "curb", "tyre": "tire", "tyres": "tires",
    ]

    private static let ordinary: Set<String> = {
        var words = Set<String>()
        for list in [common, technologyWords, names] {
            for word in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                words.insert(String(word))
            }
        }
        return words
    }()

    private static let abbreviations: Set<String> = {
        Set(abbreviationList.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }()

    /// Everyday abbreviations of job ads and CVs, as they are usually written: degrees, titles, roles, clearances,
    /// units, time zones, places, legal forms.
    private static let abbreviationList = """
        BA BS BSc MA MS MSc MBA PhD HND GCSE BTEC GED LLB MD DDS RN LPN CNA NP PA PT OT EMT PGCE PG PGDip BEng MEng
        CEO CTO CFO COO CIO CISO CMO CPO VP SVP EVP HR PR IT ID US UK EU USA UAE NZ AU CA NA EMEA APAC LATAM
        AM PM am pm AD BC CE EST PST CST GMT UTC CET BST EOD ASAP FYI FAQ TBD TBC OK TV CV DOB SSN NDA SOW
        MSA KPI ROI Ltd LLC Inc PLC GmbH AG BV SA SRL Co Corp Dept Mgr Dir Sr Jr FT FTE WFH OTE DBS SC DV TS SCI
        IRA IR IRS VAT GST CSM FM GL DL Mr Mrs Ms Dr Prof St km kg lb lbs oz ml mg cm mm HQ PO Ref Tel ext
        """

    /// Common English words, the ones a job ad or CV uses anywhere in its sentences.
    private static let common = """
        i me he she we they them their his her its our your is are was were be been do does did has had have not no
        yes so to too of off on in into at by for from up out as an the this that these those there here what which
        who whom whose when where why how all any both each few more most other some such only own same than very can
        will just should now hi oh ah ox ado a able about above access accept account act action active activity actor
        actual ad add address admin advance advantage advice affair affect after again against age agency agent ago
        agree ahead aid aim air alert all allow almost alone along already also alter always amazing amount an anchor
        and angle animal answer any anyone anything apart appeal appear apple apply approach approve area argue arm
        army around arrive art article as ask aspect assembly asset assist assume at atom attach attack attempt attend
        attention attitude audience audit author auto autumn available average avoid award aware away baby back
        background bad bag balance ball band bank bar base basic basis basket battle be beach beam bear beat beautiful
        beauty because become bed bee before begin behavior behind being believe bell belong below belt bench benefit
        best better between beyond big bill bind bird birth bit bite black blade blank blaze blend block blood blow
        blue board boat body bold bolt bond bone bonus book boom boost boot border born boss both bottle bottom bound
        box brain branch brand brave bread break breeze brick bridge brief bright bring broad broker brother brown
        brush buck bucket budget build bulk bull bunch burn burst bus business busy but butter button buy by cabin
        cable cake call calm camel camera camp campaign can cancel candle canvas cap capital capture car card care
        career carry case cash cast castle cat catch cause cell center central century chain chair challenge chance
        change channel chapter charge charm chart chase cheap check chef chemistry chest chief child choice choose
        church circle citizen city civil claim class clean clear clerk click client climb clinic clock close cloud
        club coach coast coat coffee cold collect college color column combine come comfort command comment common
        community company compare compass compete complete complex compose concept concern concrete condition conduct
        confidence confirm connect consider constant consul contact contain content contest context continue contract
        control convert cook cool copper copy core corner correct cost cotton could council count country couple
        courage course court cover crack craft crane crash cream create credit crew crime crisis critical crop cross
        crowd crown crucial cry crystal culture cup current curve custom customer cut cycle daily damage dance danger
        dare dark dart dash data date daughter day dead deal dear death debate debt decade decide deck declare deep
        defense define degree delay delight deliver demand deny depend deploy depth deputy describe desert design desk
        detail determine develop device dial diamond die diet differ digital dinner direct director dirt discover
        discuss disease dish display distance district dive divide do doctor document dog dollar domain door dot
        double doubt down draft drag drain drama draw dream dress drift drill drink drive drop drum dry duck due dust
        duty dynamic each eager eagle early earn earth ease east easy eat echo economy edge edit editor educate effect
        effort egg either elastic element elevator else email embrace emerge emotion employ empty enable end energy
        engage engine enjoy enough ensure enter entire entry environment equal equip error escape essay estate even
        evening event ever every evidence exact exam example excellent except exchange excite exercise exist exit
        expand expect expense explain explore export express extend extra eye face fact factor factory fail fair faith
        fall false fame family fan far farm fashion fast fat father fault favor fear feature fee feed feel fellow
        fence festival few field fig fight figure file fill film final finance find fine finger finish fire firm first
        fish fit fix flag flame flash flat flavor fleet flesh flight float flock floor flow flower fluid flutter fly
        focus fold folk follow food foot for force forest forget form format fortune forum forward foster found fox
        frame free fresh friend front frost fruit fuel full fun fund funny future gain game gap garden gas gate gather
        gauge gear general gentle get giant gift girl give glad glass glide global glory glue go goal gold golf good
        govern grace grade grain grand grant graph grass great green grid ground group grow growth guard guess guest
        guide gulp gun guy habit hack hair half hall hammer hand handle hang happen happy harbor hard harm harness
        harvest hat hate have hawk he head health hear heart heat heavy help helm her here hero hidden high hill hint
        hire his history hit hive hold hole holiday home honest honey honor hook hope horizon horse host hot hotel
        hour house how huge human humor hunt hurry ice idea ideal identify if ignore ill image impact import improve
        in include income increase index indicate industry inform initial inner input insight inspire install instance
        instead interest into invest invite iron island issue it item ivy jacket jam jet job join joint joke journal
        journey joy judge jump junior jury just keen keep key kick kid kill kind king kit kitchen kite knife knight
        knot know knowledge label labor lack lady lake lambda lamp land lane language large laser last late latest
        laugh launch law lawn layer lead leader leaf league lean learn least leave lecture left leg legal lemon lend
        length less lesson let letter level lever liberty library license lift light like limit line link lion lip
        liquid list listen little live load loan local lock log logic logo long look loop lose loss lot loud love low
        loyal luck lunch machine magic mail main maintain major make maker manage manager manner map marble march
        margin mark market marvel mask mass master match mate material matter may mean measure meat media medical
        medium meet member memory mental mention menu merchant mercury mercy mesh message metal meteor method middle
        might mild mile military milk mill mind mine minor minute mirror miss mission mix mobile mode model modern
        moment money monitor month mood moon moral more morning most mother motion motor mount mountain mouse mouth
        move movie much mule muscle museum music must my mystery nail name narrow nation native natural nature near
        neat need needle negative nest net network never new news next nice night noble node noise nomad none noon
        normal north nose not note nothing notice notion novel now number nurse nut oak object observe obtain obvious
        occur ocean octave odd of off offer office officer often oil old on once one only open opera operate opinion
        option or orange orbit order ordinary organ origin other our out outlook output outside oven over owe own
        owner pace pack package packer page pain paint pair palace pale palm pan panda panel panic pants paper parade
        parent park part partner party pass passion past patch path patient pattern pause pay peace peak pearl peer
        pen penalty pencil people pepper perfect perform period permit person pet phase phone photo phrase pick
        picture piece pig pigeon pile pilot pin pine pink pioneer pipe pitch place plain plan plane planet plant
        plastic plate play player please pleasure plenty plot plus pocket poem poet point poison pole police policy
        polish pool poor pop popular port portal portfolio position positive possible post pot potato pound power
        practice praise precise predict premiere prepare presence present preserve press pretty prevent price pride
        prime prince print priority prism prison private prize problem process produce product profile profit program
        progress project promise proof proper property protect proud prove provide public publish publisher pull pulse
        pump punch puppet pure purple purpose push put puzzle quality quarter queen query quest question quick quiet
        quit quite quote race rack radar radio rage rail rain raise range rank rapid rare rate raven raw reach read
        ready real realm reason rebel recall receive recent record red reduce reflect reform region relay release rely
        remain remote remove rent repair repeat replace reply report request require rescue research reserve resist
        resource respect respond rest result retail retire return reveal review reward rhythm rich ride ridge right
        ring rise risk river road rock rocket role roll roof room root rope rose rough round route routine row royal
        rubber rule run rush rust sack safe safety sail salary sale salt same sample sand save say scale scan scene
        schedule scheme school science scope score scout scratch screen script sea seal search season seat second
        secret section secure see seed seek seem select self sell send senior sense sentence sentinel sentry series
        serious serve server service session set settle shadow shake shape share sharp shed sheet shelf shell shield
        shift shine ship shirt shock shoe shoot shop short shot should show shower side sight sign signal silent silk
        silver simple since sing single sister sit site size sketch skill skin sky slack slate sleep slice slide slim
        slip slope slow small smart smile smoke smooth snake snap snow so social society soft soil solar soldier solid
        solution solve some son song soon sort soul sound soup source south space spare spark speak special speech
        speed spell spend sphere spice spider spin spirit split sponsor sport spot spread spring square squad squid
        stable staff stage stake stamp stand standard star start state station status stay steady steel step stick
        still stock stone stop store storm story straight strange strategy stream street strength stress stretch
        strike string strong structure struggle student studio study stuff style subject submit succeed success such
        sudden sugar suit summer summit sun super supply support sure surface surge survey swan sweet swift swim
        switch symbol system table tail take talent talk tall tank tap target task taste tax tea teach team teams tear
        tell temple tempo tend term terminal test text than thank that the theme then theory there thing think this
        thread threat through throw thunder ticket tide tiger tight tile time tiny tip title to today together token
        tomorrow tone tool top topic torch total touch tough tour tower town toy trace track trade traffic trail train
        transfer travel tray treat tree trend trial tribe trick trip truck true trust truth try tube tune turn twin
        twist type unit unity universe until up update upper urban urge use usual valid valley value van vault vector
        vehicle velocity venture version very vessel victory view village vintage virtue visible vision visit visual
        vital voice volume vote voyage wage wait walk wall want war warm warn wash waste watch water wave way we weak
        wealth weapon wear weather web week weight welcome well west wet what wheel when where which while white whole
        why wide wild will win wind window wing winter wire wise wish with within without witness woman wonder wood
        word work worker world worry worth would write writer wrong yard year yellow yes yet yield you young youth
        zero zone zoom
        """

    /// Technology names that are also everyday words, beyond the common list (the classic traps).
    private static let technologyWords = """
        ant apex ash atlas aurora backbone bamboo bash beacon beats bloom blueprint bootstrap buck chai chalk chart
        chef circle cocoa compass consul cosmos dagger dapper dart delphi dragon drone eclipse electron elixir elm
        ember envoy expo falcon fiber flask flint flume flux forge gauge gecko ghost glacier glue grain grape gravity
        grunt gulp harbor harmony hermes hugo hyper ionic jasmine jersey karma keystone lightning liquid lit locust
        luigi mako marathon mariner meteor mist mocha mongoose mustache nest neptune nexus nimbus ninja nuke octopus
        onyx orchid orleans paper parcel pelican phoenix pilot polaris polymer prefect prism pug puma quartz rabbit
        rails raven realm recoil remix retrofit rocket ruby sage salt saturn sequel sketch sleuth spring storm stylus
        sublime swagger swift tempest thrift tide titan torch trident turbine twig unity vagrant vapor varnish vault
        velocity vertex wasp weave yarn zookeeper access basic processing scheme racket logo pascal ada crystal julia
        pure red lean self io hack pony wing word teams project publisher outlook notion box slack asana monday stride
        workday confluence excel amplify rag sip ids elk cue soap soar radius clips mumps cad ifs sap nips shiny latex
        llama prettier volatility swig
        """

    /// First names that are also technology names: "Julia will lead the team" is not the Julia language.
    private static let names = """
        ada alice amber april ash aurora austin chase crystal daisy dakota dallas dawn dean delphi della eden elixir
        ella flora grace hazel holly hugo iris ivy jade jasmine jasper julia june kai kit lily logan luna mason max
        maya mercedes mercury milo miles nova oscar owen paris pearl phoenix portia raven reed rocky rose ruby sage
        scarlett sierra skye sonny stella sterling summer victoria violet willow sam pam nat san ajax
        """
}

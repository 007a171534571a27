import PartnerNetMetrics

/// What a reported value describes: the whole network, a group of organisations (a
/// sector), one organisation, or one partnership.
public enum ValueLevel: String, Sendable, CaseIterable, Hashable {
    case network
    case group
    case organisation
    case partnership
}

/// A work a value's definition comes from.
public enum Reference: String, Sendable, CaseIterable, Hashable, Comparable {
    case freeman1979
    case brandes2001
    case bonacich1987
    case brin1998
    case katz1953
    case burt1992
    case krackhardtStern1988
    case phipsonSmyth2010
    case newman2003
    case traag2019
    case blondel2008
    case everettBorgatti1999
    case borgatti2006
    case borgattiEverett2000
    case borgattiEverett1997
    case gouldFernandez1989
    case banzhaf1965
    case shapleyShubik1954
    case gini1912
    case hirschman1964
    case holm1979
    case hubertArabie1985
    case danon2005
    case wasserman1994
    case watts1998
    case opsahl2010
    case krackhardt1988
    case dekker2007
    case andersonButtsCarley1999
    case butts2008
    case snijdersBorgatti1999
    case freedmanLane1983
    case mackinnonWhite1985

    /// The citation, with its DOI where there is one.
    public var citation: String {
        switch self {
        case .freeman1979:
            "Freeman, L.C. (1979) Centrality in social networks: conceptual clarification. Social Networks 1:215–239. doi:10.1016/0378-8733(78)90021-7"
        case .brandes2001:
            "Brandes, U. (2001) A faster algorithm for betweenness centrality. J. Math. Sociology 25:163–177. doi:10.1080/0022250X.2001.9990249"
        case .bonacich1987:
            "Bonacich, P. (1987) Power and centrality: a family of measures. Am. J. Sociology 92:1170–1182. doi:10.1086/228631"
        case .brin1998:
            "Brin, S. & Page, L. (1998) The anatomy of a large-scale hypertextual web search engine. Computer Networks 30:107–117. doi:10.1016/S0169-7552(98)00110-X"
        case .katz1953:
            "Katz, L. (1953) A new status index derived from sociometric analysis. Psychometrika 18:39–43. doi:10.1007/BF02289026"
        case .burt1992: "Burt, R.S. (1992) Structural Holes: The Social Structure of Competition. Harvard University Press"
        case .krackhardtStern1988:
            "Krackhardt, D. & Stern, R.N. (1988) Informal networks and organizational crises. Social Psychology Quarterly 51:123–140. doi:10.2307/2786835"
        case .phipsonSmyth2010:
            "Phipson, B. & Smyth, G.K. (2010) Permutation p-values should never be zero. Stat. Appl. Genet. Mol. Biol. 9(1):39. doi:10.2202/1544-6115.1585"
        case .newman2003:
            "Newman, M.E.J. (2003) Mixing patterns in networks. Phys. Rev. E 67:026126. doi:10.1103/PhysRevE.67.026126"
        case .traag2019:
            "Traag, V.A., Waltman, L. & van Eck, N.J. (2019) From Louvain to Leiden. Sci. Rep. 9:5233. doi:10.1038/s41598-019-41695-z"
        case .blondel2008:
            "Blondel, V.D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008) Fast unfolding of communities in large networks. J. Stat. Mech. P10008. doi:10.1088/1742-5468/2008/10/P10008"
        case .everettBorgatti1999:
            "Everett, M.G. & Borgatti, S.P. (1999) The centrality of groups and classes. J. Math. Sociology 23:181–201. doi:10.1080/0022250X.1999.9990219"
        case .borgatti2006:
            "Borgatti, S.P. (2006) Identifying sets of key players in a social network. Comput. Math. Organ. Theory 12:21–34. doi:10.1007/s10588-006-7084-x"
        case .borgattiEverett2000:
            "Borgatti, S.P. & Everett, M.G. (2000) Models of core/periphery structures. Social Networks 21:375–395. doi:10.1016/S0378-8733(99)00019-2"
        case .borgattiEverett1997:
            "Borgatti, S.P. & Everett, M.G. (1997) Network analysis of 2-mode data. Social Networks 19:243–269. doi:10.1016/S0378-8733(96)00301-2"
        case .gouldFernandez1989:
            "Gould, R.V. & Fernandez, R.M. (1989) Structures of mediation. Sociological Methodology 19:89–126. doi:10.2307/270949"
        case .banzhaf1965: "Banzhaf, J.F. (1965) Weighted voting doesn't work. Rutgers Law Review 19:317–343"
        case .shapleyShubik1954:
            "Shapley, L.S. & Shubik, M. (1954) A method for evaluating the distribution of power in a committee system. Am. Pol. Sci. Rev. 48:787–792. doi:10.2307/1951053"
        case .gini1912: "Gini, C. (1912) Variabilità e mutabilità. Bologna: Tipografia di Paolo Cuppini"
        case .hirschman1964:
            "Hirschman, A.O. (1964) The paternity of an index. Am. Econ. Rev. 54:761–762"
        case .holm1979:
            "Holm, S. (1979) A simple sequentially rejective multiple test procedure. Scand. J. Statistics 6:65–70"
        case .hubertArabie1985:
            "Hubert, L. & Arabie, P. (1985) Comparing partitions. J. Classification 2:193–218. doi:10.1007/BF01908075"
        case .danon2005:
            "Danon, L., Díaz-Guilera, A., Duch, J. & Arenas, A. (2005) Comparing community structure identification. J. Stat. Mech. P09008. doi:10.1088/1742-5468/2005/09/P09008"
        case .wasserman1994:
            "Wasserman, S. & Faust, K. (1994) Social Network Analysis: Methods and Applications. Cambridge University Press. doi:10.1017/CBO9780511815478"
        case .watts1998:
            "Watts, D.J. & Strogatz, S.H. (1998) Collective dynamics of 'small-world' networks. Nature 393:440–442. doi:10.1038/30918"
        case .opsahl2010:
            "Opsahl, T., Agneessens, F. & Skvoretz, J. (2010) Node centrality in weighted networks. Social Networks 32:245–251. doi:10.1016/j.socnet.2010.03.006"
        case .krackhardt1988:
            "Krackhardt, D. (1988) Predicting with networks: nonparametric multiple regression analysis of dyadic data. Social Networks 10(4):359–381. doi:10.1016/0378-8733(88)90004-4"
        case .dekker2007:
            "Dekker, D., Krackhardt, D. & Snijders, T.A.B. (2007) Sensitivity of MRQAP tests to collinearity and autocorrelation conditions. Psychometrika 72(4):563–581. doi:10.1007/s11336-007-9016-1"
        case .andersonButtsCarley1999:
            "Anderson, B.S., Butts, C. & Carley, K. (1999) The interaction of size and density with graph-level indices. Social Networks 21(3):239–267. doi:10.1016/S0378-8733(99)00011-8"
        case .butts2008:
            "Butts, C.T. (2008) Social network analysis with sna. Journal of Statistical Software 24(6). doi:10.18637/jss.v024.i06"
        case .snijdersBorgatti1999:
            "Snijders, T.A.B. & Borgatti, S.P. (1999) Non-parametric standard errors and tests for network statistics. Connections 22(2):61–70"
        case .freedmanLane1983:
            "Freedman, D. & Lane, D. (1983) A nonstochastic interpretation of reported significance levels. J. Business & Economic Statistics 1(4):292–298. doi:10.1080/07350015.1983.10509354"
        case .mackinnonWhite1985:
            "MacKinnon, J.G. & White, H. (1985) Some heteroskedasticity-consistent covariance matrix estimators with improved finite sample properties. J. Econometrics 29(3):305–325. doi:10.1016/0304-4076(85)90158-7"
        }
    }

    public static func < (a: Reference, b: Reference) -> Bool { a.citation < b.citation }
}

/// One value PartnerNet reports: its name (the CSV column, the JSON key, the `metric` of a
/// `metric,value` row), what it describes, its definition, its unit and where it comes from.
///
/// A name may take arguments in brackets: `focal_share[M]` (a measure M), `ei_index[S]` (a
/// group S), `banzhaf[P,S]` (a partnership P and a group S). The pattern names them with
/// single capitals: M measure, S group or sector, P partnership, R relation.
public struct ValueDefinition: Sendable, Hashable {
    /// The name, with its arguments as capitals in brackets: `sector_share[M,S]`.
    public let pattern: String
    public let level: ValueLevel
    public let definition: String
    /// What the number counts or measures, e.g. "count", "share (0–1)".
    public let unit: String
    public let references: [Reference]
    /// Whether the value is a whole number.
    public let isCount: Bool

    public init(
        _ pattern: String, _ level: ValueLevel, _ unit: String, _ definition: String, _ references: [Reference] = [],
        count: Bool = false
    ) {
        self.pattern = pattern
        self.level = level
        self.unit = unit
        self.definition = definition
        self.references = references
        self.isCount = count
    }

    /// The name without arguments: `focal_share` for `focal_share[M]`.
    public var base: String { String(pattern.prefix { $0 != "[" }) }

    /// The number of bracketed arguments: 2 for `sector_share[M,S]`.
    public var arity: Int { Self.arity(of: pattern) }

    static func arity(of name: String) -> Int {
        guard let open = name.firstIndex(of: "["), name.hasSuffix("]") else { return 0 }
        // Arguments are separated by commas outside any nested brackets (a sector may not
        // hold a comma; group names are taken as given, so count at depth one only).
        var depth = 0
        var count = 1
        for character in name[name.index(after: open)..<name.index(before: name.endIndex)] {
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            case "," where depth == 0: count += 1
            default: break
            }
        }
        return count
    }
}

/// Every value PartnerNet reports, once: the registry from which the tables' column names,
/// the report's methods section, the comparison's columns and `Docs/METRICS.md` come.
public enum ValueCatalogue {
    /// The definition of a value by its name as written in a table (`focal_share[degree]`),
    /// or `nil` when the catalogue does not hold it.
    ///
    /// A group argument may itself contain a comma (a sector named "health, care"), so a
    /// name whose arguments do not match an arity is tried against every arity of its base.
    public static func definition(of name: String) -> ValueDefinition? {
        let base = String(name.prefix { $0 != "[" })
        let candidates = byBase[base] ?? []
        let arity = ValueDefinition.arity(of: name)
        return candidates.first { $0.arity == arity } ?? (arity > 0 ? candidates.first { $0.arity > 0 } : nil)
    }

    static let byBase: [String: [ValueDefinition]] = Dictionary(grouping: all, by: \.base)

    /// The references of the values named, in citation order.
    public static func references(of names: some Sequence<String>) -> [Reference] {
        var out = Set<Reference>()
        for name in names { out.formUnion(definition(of: name)?.references ?? []) }
        return out.sorted()
    }

    /// Every entry: node measures, network measures, then the values of each analysis.
    public static let all: [ValueDefinition] =
        NodeMeasure.allCases.map(\.definition) + NetworkMeasure.allCases.map(\.definition) + silos + dominance
        + sectors + balance + brokerage + architecture + comparison + qap + cug

    static let share = "share (0–1)"

    /// `partnernet qap`: a coefficient row per term, the fit, or a correlation.
    static let qap: [ValueDefinition] = [
        .init(
            "estimate", .network, "outcome units per predictor unit (log-odds, logistic)",
            "a QAP regression coefficient: least squares (linear, as sna::netlm) or maximum likelihood on tie presence (logistic, as sna::netlogit) over the pairs of distinct organisations",
            [.krackhardt1988, .butts2008]),
        .init(
            "exp_estimate", .network, "odds ratio", "exp(estimate) of a logistic QAP regression: the factor by which a unit of the term multiplies the odds of a tie",
            [.butts2008]),
        .init("std_error", .network, "as the estimate", "the coefficient's standard error as if pairs were independent (sna's)", [.butts2008]),
        .init(
            "statistic", .network, "t (linear) or z (logistic)",
            "estimate / std_error: the statistic the QAP relabellings are compared on (sna's default test.statistic)",
            [.butts2008]),
        .init(
            "p_le", .network, probability,
            "share (k + 1)/(N + 1) of relabellings (qap) or random graphs (cug) whose statistic is at most the observed one; qap's classical null: Student's t",
            [.krackhardt1988, .dekker2007, .andersonButtsCarley1999, .phipsonSmyth2010]),
        .init(
            "p_ge", .network, probability,
            "share (k + 1)/(N + 1) of relabellings (qap) or random graphs (cug) whose statistic is at least the observed one; qap's classical null: Student's t",
            [.krackhardt1988, .dekker2007, .andersonButtsCarley1999, .phipsonSmyth2010]),
        .init(
            "p_abs", .network, probability,
            "share of relabellings (k + 1)/(N + 1) whose statistic is at least as far from 0 as the observed one: the two-sided test",
            [.krackhardt1988, .dekker2007, .phipsonSmyth2010]),
        .init("r_squared", .network, share, "1 − RSS/TSS of a linear QAP regression over the pairs used", [.butts2008]),
        .init("adj_r_squared", .network, "share (≤ 1)", "1 − (1 − R²)(N − 1)/(N − p), N pairs and p coefficients", [.butts2008]),
        .init("deviance", .network, "−2 log-likelihood", "the deviance of a logistic QAP regression", [.butts2008]),
        .init(
            "null_deviance", .network, "−2 log-likelihood",
            "the deviance with every tie probability ½, 2N ln 2, as sna::netlogit reports it (not the intercept-only model)",
            [.butts2008]),
        .init("aic", .network, "−2 log-likelihood", "deviance + 2p", [.butts2008]),
        .init("bic", .network, "−2 log-likelihood", "deviance + p ln N, N pairs", [.butts2008]),
        .init(
            "pairs", .network, "count", "pairs of distinct organisations used: n(n − 1) ordered, n(n − 1)/2 when every variable is symmetric",
            count: true),
        .init("tied_pairs", .network, "count", "pairs of a logistic QAP regression whose outcome is a tie", count: true),
        .init(
            "tie_share", .network, share,
            "the share of pairs tied in the relation a report's \"What predicts working together\" model explains (the mean of its outcome)"),
        .init(
            "permutations", .network, "count", "relabellings of the organisations a QAP test drew", [.dekker2007], count: true),
        .init(
            "correlation", .network, "correlation (−1 to 1)",
            "Pearson's r of two dyadic variables over the pairs of distinct organisations (sna::gcor), tested by relabelling one (Krackhardt's QAP)",
            [.krackhardt1988, .butts2008]),
    ]

    /// `partnernet cug`: a network value against random graphs.
    static let cug: [ValueDefinition] = [
        .init(
            "observed", .network, "as the statistic",
            "the network value tested by a conditional uniform graph test, on the relation's graph", [.andersonButtsCarley1999]),
        .init(
            "mean", .network, "as the statistic",
            "the mean of the value over random graphs of the same size (and arcs, or dyad census) (sna::cug.test)",
            [.andersonButtsCarley1999, .butts2008]),
        .init(
            "sd", .network, "as the statistic", "the standard deviation of the value over the random graphs",
            [.andersonButtsCarley1999, .butts2008]),
        .init(
            "z", .network, "standard deviations",
            "(observed − mean) / sd: how far the value lies from the random graphs' mean, in their standard deviations (the report's network tests)",
            [.andersonButtsCarley1999]),
        .init(
            "draws", .network, "count",
            "random graphs on which the value was defined, of those drawn (the report's network tests)", count: true),
    ]
    static let probability = "probability (0–1)"

    static let silos: [ValueDefinition] = [
        .init(
            "ei_index", .network, "index (−1 to 1)",
            "(E − I) / (E + I) over ties: E between groups, I within; −1 every tie inside a group, +1 every tie crosses groups",
            [.krackhardtStern1988]),
        .init("ei_external", .network, "count", "E: ties between groups", [.krackhardtStern1988], count: true),
        .init("ei_internal", .network, "count", "I: ties within groups", [.krackhardtStern1988], count: true),
        .init(
            "ei_index_expected", .network, "index (−1 to 1)",
            "the E-I index expected when ties fall between organisations regardless of group (from the group sizes)",
            [.krackhardtStern1988]),
        .init("ei_index_min", .network, "index (−1 to 1)", "the lowest E-I index attainable with these groups and ties"),
        .init("ei_index_max", .network, "index (−1 to 1)", "the highest E-I index attainable with these groups and ties"),
        .init(
            "ei_index_rescaled", .network, "index (−1 to 1)",
            "the E-I index rescaled to the attainable range: −1 at the minimum, +1 at the maximum"),
        .init(
            "ei_index_p_low", .network, probability,
            "share of random shuffles of the group labels whose E-I is at most the observed, (k + 1)/(N + 1): small when the groups are more inward than chance",
            [.phipsonSmyth2010]),
        .init(
            "ei_index_p_high", .network, probability,
            "share of random shuffles of the group labels whose E-I is at least the observed, (k + 1)/(N + 1): small when the groups are more outward than chance",
            [.phipsonSmyth2010]),
        .init(
            "ei_index_p_value", .network, probability, "two-sided permutation p-value of the E-I index: 2 × min(p_low, p_high), at most 1",
            [.phipsonSmyth2010]),
        .init("ei_index_permutations", .network, "count", "shuffles of the group labels in the E-I test", count: true),
        .init("ei_index[S]", .group, "index (−1 to 1)", "the E-I index of the ties of group S's members", [.krackhardtStern1988]),
        .init("ei_index_expected[S]", .group, "index (−1 to 1)", "group S's E-I index expected by chance"),
        .init("ei_index_p_low[S]", .group, probability, "as ei_index_p_low, for group S", [.phipsonSmyth2010]),
        .init("ei_index_p_high[S]", .group, probability, "as ei_index_p_high, for group S", [.phipsonSmyth2010]),
        .init("ties[S,S]", .group, "count", "ties from group A to group B", count: true),
        .init(
            "density[S,S]", .group, share, "ties from group A to group B ÷ the pairs that could be tied (UCINET density by groups)",
            [.wasserman1994]),
        .init(
            "assortativity", .network, "coefficient (−1 to 1)",
            "Newman's assortativity of the groups: 1 ties only within groups, 0 as random, negative mostly between",
            [.newman2003]),
        .init(
            "modularity_groups", .network, "modularity (−½ to 1)",
            "Newman's modularity of the groups as a partition of the network (directed formula when directed)",
            [.newman2003]),
        .init(
            "communities", .network, "count",
            "communities found by Leiden (or Louvain) on the undirected skeleton, seeded", [.traag2019, .blondel2008],
            count: true),
        .init("modularity", .network, "modularity (−½ to 1)", "modularity of the detected communities", [.newman2003]),
        .init(
            "nmi_groups", .network, "information (0–1)",
            "normalised mutual information of the communities and the groups: 0 unrelated, 1 the same partition",
            [.danon2005]),
        .init(
            "ari_groups", .network, "index (≤ 1)",
            "adjusted Rand index of the communities and the groups: 0 as random, 1 the same, below 0 worse than random",
            [.hubertArabie1985]),
        .init("strong_components", .network, "count", "strongly connected components (directed)", count: true),
        .init("cutpoints", .network, "count", "organisations whose loss splits the undirected network", count: true),
        .init(
            "cutpoints_separating_groups", .network, "count",
            "cutpoints whose loss would cut some group off from another", count: true),
        .init("bridges", .network, "count", "ties whose loss splits the undirected network", count: true),
        .init("bridges_between_groups", .network, "count", "bridges joining two different groups", count: true),
    ]

    static let dominance: [ValueDefinition] = [
        .init("organisations", .network, "count", "organisations in the area, isolates included", count: true),
        .init("focal_size", .group, "count", "organisations in the focal set (the focal sector)", count: true),
        .init("focal_share_of_organisations", .group, share, "|F| / n: the focal set's share of organisations"),
        .init("focal_share[M]", .group, share, "Σ_{v∈F} M(v) / Σ_v M(v): the focal set's share of measure M"),
        .init("focal_top_rank[M]", .group, "rank", "the rank of the focal set's strongest member on M (1 = first)", count: true),
        .init(
            "focal_dominance_ratio[M]", .group, "ratio",
            "the focal set's strongest score on M ÷ the strongest score outside it"),
        .init(
            "focal_share_p_value[M]", .group, probability,
            "share of random sets of |F| organisations holding at least the focal share of M, (k + 1)/(N + 1)",
            [.phipsonSmyth2010]),
        .init(
            "focal_share_p_low[M]", .group, probability,
            "share of random sets of |F| organisations holding at most the focal share of M, (k + 1)/(N + 1)",
            [.phipsonSmyth2010]),
        .init("focal_share_random_mean[M]", .group, share, "the mean share of M held by random sets of |F|"),
        .init("random_sets", .network, "count", "random sets drawn for the share tests", count: true),
        .init("seed", .network, "seed", "the seed of every random step", count: true),
        .init(
            "group_degree", .group, share, "share of the organisations outside F tied directly to a member of F",
            [.everettBorgatti1999]),
        .init(
            "group_betweenness", .group, share,
            "share of shortest paths between organisations outside F that pass through F", [.everettBorgatti1999]),
        .init(
            "group_closeness", .group, "closeness (0–1)",
            "(n − |F|) ÷ the sum of distances from F to the others (nearest member)", [.everettBorgatti1999]),
        .init(
            "components_without_focal", .network, "count", "weak components once the focal set is removed",
            [.borgatti2006], count: true),
        .init(
            "fragmentation", .network, share, "share of pairs of organisations that cannot reach each other",
            [.borgatti2006]),
        .init(
            "fragmentation_without_focal", .network, share, "fragmentation once the focal set is removed", [.borgatti2006]),
        .init(
            "distance_fragmentation", .network, "index (0–1)",
            "1 − the mean of 1/distance over pairs (0 for unreachable pairs)", [.borgatti2006]),
        .init(
            "distance_fragmentation_without_focal", .network, "index (0–1)",
            "distance fragmentation once the focal set is removed", [.borgatti2006]),
        .init("partnerships", .network, "count", "partnerships in the area", count: true),
        .init("partnerships_chaired", .network, "count", "partnerships with a chair recorded", count: true),
        .init(
            "partnerships_chaired_by_focal", .group, "count",
            "partnerships with a chair recorded that a focal organisation chairs (a co-chaired partnership counts once)",
            count: true),
        .init(
            "chair_share", .group, share,
            "partnerships chaired by the focal set ÷ partnerships with a chair recorded (a co-chaired partnership counts once)"),
        .init(
            "core_periphery_fit", .network, "correlation (−1 to 1)",
            "correlation of the ties with an ideal core/periphery pattern, best categorical partition",
            [.borgattiEverett2000]),
        .init("core_size", .network, "count", "organisations in the categorical core", [.borgattiEverett2000], count: true),
        .init(
            "coreness_fit", .network, "correlation (−1 to 1)", "fit of the continuous coreness model",
            [.borgattiEverett2000]),
        .init("core_count[S]", .group, "count", "organisations of group S in the core", count: true),
        .init("periphery_count[S]", .group, "count", "organisations of group S in the periphery", count: true),
    ]

    /// Shares tested for every sector (the `sector_shares` table gives each with the mean
    /// of the random sets and both tails, `p_low` and `p_high`).
    static let sectors: [ValueDefinition] = [
        .init(
            "seat_share[P,S]", .group, share,
            "group S's share of the seats (membership rows) on board P; tested against random sets of every organisation"),
    ]

    static let balance: [ValueDefinition] = [
        .init(
            "gini[M]", .network, "coefficient (0–1)",
            "Gini coefficient of M over organisations (population form): 0 all equal, near 1 one holds it all",
            [.gini1912]),
        .init("hhi[M]", .network, "index (1/n–1)", "Herfindahl–Hirschman index Σ sᵢ² of the organisations' shares of M", [.hirschman1964]),
        .init("hhi_normalized[M]", .network, "index (0–1)", "(HHI − 1/n) / (1 − 1/n)", [.hirschman1964]),
        .init("organisation_share[S]", .group, share, "group S's share of the organisations"),
        .init("sector_share[M,S]", .group, share, "Σ_{v∈S} M(v) / Σ_v M(v): group S's share of M"),
        .init(
            "representation_ratio[M,S]", .group, "ratio",
            "group S's share of M ÷ its share of organisations: above 1 more than its numbers give (test: sector_share_p_high)"),
        .init(
            "sector_evenness[M]", .network, "evenness (0–1)",
            "1 − normalised HHI of the groups' shares of M: 1 shared evenly between groups", [.hirschman1964]),
        .init("votes[P]", .partnership, "votes", "votes on board P, all members", count: true),
        .init("quota[P]", .partnership, "votes", "votes needed to carry a decision on board P (default: more than half)", count: true),
        .init("seats[P,S]", .group, "count", "seats of group S on board P", count: true),
        .init("votes[P,S]", .group, "votes", "votes of group S on board P", count: true),
        .init("vote_share[P,S]", .group, share, "group S's share of the votes on board P"),
        .init(
            "banzhaf[P,S]", .group, share,
            "group S's share of normalised Banzhaf power on board P (an organisation's seats vote together)",
            [.banzhaf1965]),
        .init(
            "shapley_shubik[P,S]", .group, share, "group S's share of Shapley–Shubik power on board P",
            [.shapleyShubik1954]),
    ]

    /// Brokerage roles; a role's own name (`coordinator`) is the node measure, whose
    /// `metric,value` row gives the total over the network.
    static let brokerage: [ValueDefinition] = BrokerageRole.allCases.flatMap { role -> [ValueDefinition] in
        let name = role.measureName
        return [
            .init(
                "\(name)_expected", .network, "count", "\(name) expected in a random network of the same density (R sna)",
                [.gouldFernandez1989]),
            .init("\(name)_sd", .network, "count", "standard deviation of \(name) under that null (R sna)", [.gouldFernandez1989]),
            .init("\(name)_z", .network, "z-score", "(\(name) − expected) / sd", [.gouldFernandez1989]),
            .init("\(name)[S]", .group, "count", "\(name) roles played by members of group S", [.gouldFernandez1989], count: true),
            .init("\(name)_expected[S]", .group, "count", "\(name) expected for group S's members (R sna)", [.gouldFernandez1989]),
            .init(
                "\(name)_expected_per_member[S]", .group, "count", "\(name) expected per member of group S (R sna)",
                [.gouldFernandez1989]),
            .init(
                "\(name)_sd_per_member[S]", .group, "count", "standard deviation of \(name) per member of group S (R sna)",
                [.gouldFernandez1989]),
        ]
    } + [.init("size[S]", .group, "count", "organisations in group S", count: true)]

    static let architecture: [ValueDefinition] = [
        .init("seats", .network, "count", "memberships (seats) on all partnerships", count: true),
        .init("organisations_with_seats", .network, "count", "organisations holding at least one seat", count: true),
        .init("nesting_depth", .network, "count", "levels of partnerships below the top (parent links)", count: true),
        .init("orphan_partnerships", .network, "count", "partnerships with a parent that no partnership lists", count: true),
        .init("unchaired_partnerships", .network, "count", "partnerships with no chair recorded", count: true),
        .init("overlapping_pairs", .network, "count", "pairs of partnerships sharing at least one member", count: true),
        .init(
            "duplicate_pairs", .network, "count",
            "pairs of partnerships, neither nested in the other, whose Jaccard overlap reaches the duplication threshold",
            count: true),
        .init("nested_pairs", .network, "count", "pairs of partnerships of which one sits under the other (any depth)", count: true),
        .init("duplication_threshold", .network, "index (0–1)", "the Jaccard overlap from which two partnerships count as likely duplicates"),
        .init("max_jaccard", .network, "index (0–1)", "the largest Jaccard overlap of two partnerships", [.borgattiEverett1997]),
        .init("chairs[S]", .group, "count", "partnerships chaired by group S (a co-chaired partnership counts once for each sector chairing it)", count: true),
        .init("chair_share[S]", .group, share, "group S's chairs ÷ partnerships with a chair recorded"),
    ]

    /// Columns of `compare` that the analyses above do not name.
    static let comparison: [ValueDefinition] = [
        .init("ties", .network, "count", "ties (arcs when directed) of the selected relations", count: true),
        .init("focal_organisations", .group, "count", "organisations of the focal sector", count: true),
        .init("board_seat_share", .group, share, "the focal sector's share of the seats on the main board (top-level, most members)"),
        .init("board_vote_share", .group, share, "the focal sector's share of the votes on the main board"),
        .init(
            "board_banzhaf", .group, share,
            "the focal sector's share of Banzhaf power on the main board (an organisation's seats vote together)",
            [.banzhaf1965]),
        .init(
            "board_shapley_shubik", .group, share, "the focal sector's share of Shapley–Shubik power on the main board",
            [.shapleyShubik1954]),
        .init(
            "significant_findings", .network, "count",
            "findings of the area's report significant after Holm's adjustment over the report's tests", [.holm1979],
            count: true),
        .init(
            "z[V]", .network, "standard deviations",
            "compare --standardize: (V − null mean) / null sd, the headline value V against its own null: random networks with the same organisations and ties (CUG) for reciprocity, the centralisations and modularity_groups; shuffled group labels for ei_index; random sets of the focal sector's size for the focal shares (exact moments)",
            [.andersonButtsCarley1999, .krackhardtStern1988]),
        .init(
            "percentile[V]", .network, "percentile (0–100)",
            "compare --standardize: the mid-rank of V among the null draws of z[V], 100 (k< + k=/2)/N",
            [.andersonButtsCarley1999, .phipsonSmyth2010]),
        .init(
            "lo[V]", .network, "as V",
            "compare --intervals: the lower end of V's node-bootstrap percentile interval (organisations resampled with replacement, the network among the copies; --confidence, default 0.95)",
            [.snijdersBorgatti1999]),
        .init(
            "hi[V]", .network, "as V", "compare --intervals: the upper end of V's node-bootstrap percentile interval",
            [.snijdersBorgatti1999]),
    ]
}

extension NodeMeasure {
    /// The measure's entry in the value catalogue.
    public var definition: ValueDefinition {
        let references: [Reference] =
            switch self {
            case .degree, .inDegree, .outDegree, .degreeCentrality: [.freeman1979]
            case .strength, .inStrength, .outStrength: [.opsahl2010]
            case .betweenness, .betweennessNormalized: [.freeman1979, .brandes2001]
            case .closeness, .inCloseness, .harmonic: [.freeman1979, .wasserman1994]
            case .eigenvector, .bonacichPower: [.bonacich1987]
            case .pagerank: [.brin1998]
            case .katz: [.katz1953]
            case .clustering: [.watts1998]
            case .constraint, .effectiveSize, .efficiency, .hierarchy: [.burt1992]
            case .coordinator, .itinerant, .representative, .gatekeeper, .liaison, .brokerageTotal:
                [.gouldFernandez1989]
            case .coreness, .inCore: [.borgattiEverett2000]
            }
        let unit: String =
            switch self {
            case .degree, .inDegree, .outDegree: "ties"
            case .strength, .inStrength, .outStrength:
                "the union's tie weight (one relation: its unit; several: relations per tie)"
            case .betweenness: "paths"
            case .coordinator, .itinerant, .representative, .gatekeeper, .liaison, .brokerageTotal: "count"
            case .inCore: "0 or 1"
            default: "score"
            }
        return ValueDefinition(rawValue, .organisation, unit, summary, references, count: isCount)
    }
}

extension NetworkMeasure {
    /// The measure's entry in the value catalogue.
    public var definition: ValueDefinition {
        let references: [Reference] =
            switch self {
            case .degreeCentralization, .inDegreeCentralization, .outDegreeCentralization,
                .betweennessCentralization, .closenessCentralization:
                [.freeman1979]
            case .transitivity, .reciprocity, .reciprocityDyadic, .density: [.wasserman1994]
            default: []
            }
        let unit: String =
            switch self {
            case .nodes, .edges, .components: "count"
            case .diameter, .averagePathLength: "steps"
            default: "share (0–1)"
            }
        return ValueDefinition(rawValue, .network, unit, summary, references, count: isCount)
    }
}

extension ValueCatalogue {
    /// The catalogue as a table: one row per value.
    public static var table: ResultTable {
        ResultTable(
            columns: ["name", "level", "unit", "definition", "references"],
            rows: all.map { entry in
                [
                    .text(entry.pattern), .text(entry.level.rawValue), .text(entry.unit), .text(entry.definition),
                    .text(entry.references.map(\.rawValue).joined(separator: " ")),
                ]
            })
    }

    /// The conventions every measure follows, for the catalogue's page.
    static let graphConventions: [String] = [
        "## Graph conventions", "",
        "- A measure runs on one relation (`--relation NAME`, repeatable) or on the union of every relation in",
        "  relationships.csv (the default; `co-membership`, the projection of memberships, joins only when named).",
        "  An arc of the union exists when it exists in any selected relation. Weights of different relations are",
        "  never added: a union arc's weight is its multiplexity, the number of selected relations holding it,",
        "  unless every selected relation declares the same `unit` in area.json, when weights add. Duplicate arcs",
        "  within one relation add. The union is directed when any selected relation is; an undirected tie then",
        "  gives both arcs.",
        "- Self-loops are dropped, with a warning. Weights are tie strengths (larger is stronger).",
        "- Every measure counts ties unless `--weighted` is given (strength aside): then path lengths are",
        "  1/weight in every path-based measure, and PageRank, eigenvector, Katz, Bonacich power, Burt's measures,",
        "  modularity and community detection use the valued adjacency.",
        "- Two path lengths within 1e-10 relative are equal (igraph's rule); two scores within 1e-9 relative tie.",
        "- Iterative measures converge to a change of 1e-12 or less per node within `--max-iterations` (10,000),",
        "  and fail with a clear error when they cannot.",
        "- Isolates stay in the graph and in every denominator unless a measure says otherwise.",
        "- Direction words follow UCINET and sna: \"out\" measures use paths from the organisation.",
        "- Tests are two-sided, `min(1, 2 min(p_low, p_high))`, each tail `(k + 1)/(N + 1)`; a report adjusts its",
        "  tests together by Holm's method and reads none as a finding below 10 organisations, nor for groups",
        "  of fewer than 3.", "",
    ]

    /// `Docs/METRICS.md`: every value by level, with its unit, definition and references.
    public static var markdown: String {
        var out = [
            "# PartnerNet's catalogue of measures", "",
            "Produced from the code's registry (`ValueCatalogue`) by `partnernet catalogue`; a test fails when this page",
            "and the registry differ. Every name here is a column of a CSV table, a key of the JSON, or the `metric` of a",
            "`metric,value` row. Arguments in brackets: M a node measure, S a group (a sector by default), P a",
            "partnership. Conventions where tools differ are in `CONVENTIONS.md`; the input format in `FORMAT.md`.", "",
        ]
        out += graphConventions
        for level in ValueLevel.allCases {
            let entries = all.filter { $0.level == level }
            guard !entries.isEmpty else { continue }
            out.append("## \(level.rawValue.prefix(1).uppercased() + level.rawValue.dropFirst()) level")
            out.append("")
            out.append("| name | unit | definition | references |")
            out.append("|---|---|---|---|")
            for entry in entries {
                let cells = [
                    "`\(entry.pattern)`", entry.unit, entry.definition,
                    entry.references.map { "[\($0.rawValue)](#\($0.rawValue.lowercased()))" }.joined(separator: ", "),
                ]
                out.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
            out.append("")
        }
        out.append("## References")
        out.append("")
        for reference in Reference.allCases.sorted() {
            out.append("- <a id=\"\(reference.rawValue.lowercased())\"></a>`\(reference.rawValue)`: \(reference.citation)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension QuotaSet {
    /// `feature,value,min,max,population_share,share_source[,feature_label][,value_label]`: the quotas file `select`
    /// reads, written by `quotas` and by the web app's quota editor. The share source column says where each share
    /// came from, so that the report can say it per feature; the labels name features and values in each language.
    public static func csv(_ quotas: [Quota]) -> String {
        let labelled = quotas.contains { !$0.featureLabels.isEmpty }
        let valuesLabelled = quotas.contains { !$0.valueLabels.isEmpty }
        var out = CSVWriter.line(["feature", "value", "min", "max", "population_share", "share_source"] + (labelled ? ["feature_label"] : [])
                                 + (valuesLabelled ? ["value_label"] : []))
        for q in quotas {
            out += CSVWriter.line([q.feature, q.value, String(q.min), String(q.max), q.populationShare.map { String(format: "%.6f", $0) } ?? "",
                                   q.shareSource ?? ""] + (labelled ? [Quota.formatLabels(q.featureLabels)] : [])
                                  + (valuesLabelled ? [Quota.formatLabels(q.valueLabels)] : []))
        }
        return out
    }
}

extension AbbreviationTable {
    /// Common abbreviations of informal Indonesian writing (SMS, social media), each expanded to the standard word.
    ///
    /// Only abbreviations that are not themselves words are listed, so that no real word is rewritten. `dr` is
    /// expanded to `dari`, its common chat meaning; a complaint's `dr.` for `dokter` will read `dari` too.
    public static let indonesian: AbbreviationTable = {
        do throws(AbbreviationError) {
            return try AbbreviationTable(indonesianExpansions)
        } catch {
            preconditionFailure("built-in abbreviation \(error.abbreviation): \(error.reason)")
        }
    }()

    private static let indonesianExpansions: [String: String] = [
        "yg": "yang",
        "jln": "jalan",
        "jl": "jalan",
        "tdk": "tidak",
        "tdak": "tidak",
        "gak": "tidak",
        "ga": "tidak",
        "gk": "tidak",
        "nggak": "tidak",
        "ngga": "tidak",
        "dgn": "dengan",
        "utk": "untuk",
        "untk": "untuk",
        "krn": "karena",
        "krna": "karena",
        "sdh": "sudah",
        "udh": "sudah",
        "blm": "belum",
        "blum": "belum",
        "bgt": "banget",
        "kpd": "kepada",
        "dr": "dari",
        "sy": "saya",
        "tsb": "tersebut",
        "dll": "dan lain lain",
        "dsb": "dan sebagainya",
        "tp": "tapi",
        "tpi": "tapi",
        "jg": "juga",
        "skrg": "sekarang",
        "sblm": "sebelum",
        "stlh": "setelah",
        "msh": "masih",
        "spt": "seperti",
        "bnyk": "banyak",
        "byk": "banyak",
        "mhn": "mohon",
        "tlg": "tolong",
        "kab": "kabupaten",
        "kec": "kecamatan",
        "kel": "kelurahan",
        "tgl": "tanggal",
        "thn": "tahun",
        "bln": "bulan",
    ]
}

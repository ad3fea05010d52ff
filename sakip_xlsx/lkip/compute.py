"""Every derived figure of the LKIP, computed in pure Python over the model (SPEC §3).

The completed workbook writes these values as the cached results of its formulas; the formulas
restate the rules for the spreadsheet. No spreadsheet library is imported here.
"""

from __future__ import annotations

from sakip_xlsx.lkip import findings as F
from sakip_xlsx.lkip import rules
from sakip_xlsx.lkip.model import (
    EMPTY,
    Cell,
    Indikator,
    Laporan,
    Pegawai,
    RencanaAksi,
    RktItem,
    Sasaran,
)
from sakip_xlsx.lkip.results import (
    Hasil,
    HasilAnggaran,
    HasilIndikator,
    HasilRencanaAksi,
    HasilSasaran,
    Pengaturan,
    TabelHitung,
)
from sakip_xlsx.lkip.schema import (
    GOLONGAN,
    PENDIDIKAN,
    RENSTRA,
    Jenis,
    Metode,
    MetodeEfisiensi,
    Polaritas,
)
from sakip_xlsx.lkip.values import MISSING, Parsed, shorten


def pengaturan(laporan: Laporan) -> Pengaturan:
    ident = laporan.identitas
    tahun = ident.tahun_laporan or (laporan.years[-1] if laporan.years else 0)
    return Pengaturan(ident.cap, ident.skala_predikat, ident.metode_efisiensi, tahun)


def target_acuan(laporan: Laporan, kode: str, tahun: int) -> tuple[Cell, str]:
    """The annual target an indicator is measured against: the signed PK first, then the
    RKT, then the Renstra target for the year."""
    pk = laporan.pk_target(kode)
    if pk is not None and _entered(pk.target):
        return pk.target, "PK"
    if kode in laporan.rkt_target and _entered(laporan.rkt_target[kode].target):
        return laporan.rkt_target[kode].target, "RKT"
    if kode in laporan.rkt and _entered(laporan.rkt[kode].target):
        return laporan.rkt[kode].target, "RKT"
    ind = laporan.indikator.get(kode)
    if ind is not None and tahun in ind.targets:
        return ind.targets[tahun], "Renstra"
    return EMPTY, ""


def metode_akumulasi(laporan: Laporan, kode: str) -> tuple[str, str]:
    """How the quarters of `kode` accumulate, and why when nobody typed it (empty when the
    Rencana Aksi says): the Renstra's metode akumulasi tahunan of the indicator when it was
    typed, else what its satuan measures (`rules.metode_menurut_satuan`)."""
    ra = laporan.rencana_aksi.get(kode)
    if ra is not None and ra.metode_diisi:
        return ra.metode, ""
    ind = laporan.indikator.get(kode)
    if ind is not None and ind.metode_tahunan_diisi:
        return ind.metode_tahunan, (
            f"mengikuti Metode akumulasi tahunan indikator ini di Renstra ({ind.metode_tahunan})"
        )
    item = laporan.rkt.get(kode)
    satuan = ind.satuan if ind is not None else (item.satuan if item is not None else "")
    metode = rules.metode_menurut_satuan(satuan)
    if not satuan:
        return metode, "satuannya tidak diisi, sehingga triwulan dijumlahkan"
    if metode == Metode.AKHIR:
        return metode, (
            f"satuannya '{satuan}' menyatakan keadaan (persen, indeks, rasio, nilai, predikat, "
            "skor), sehingga nilai triwulan terakhir yang dipakai"
        )
    return metode, f"satuannya '{satuan}' menyatakan jumlah, sehingga triwulan dijumlahkan"


def _assume_metode(laporan: Laporan) -> None:
    """A Rencana Aksi row without a metode takes the one its indicator implies, so every
    reader of the model (the tables, the formulas, the document) uses the same."""
    for kode, ra in laporan.rencana_aksi.items():
        if not ra.metode_diisi:
            ra.metode, ra.metode_sebab = metode_akumulasi(laporan, kode)


def realisasi_tahunan(laporan: Laporan, kode: str) -> Cell:
    """The year's realisasi of an indicator or sub kegiatan output: the annual cell, or when it
    holds no number, the quarters accumulated by the Rencana Aksi metode (s.d. TW4). The cell
    returned keeps the annual cell's location, for findings."""
    rea = laporan.realisasi.get(kode)
    if rea is None:
        return EMPTY
    if rea.realisasi.number is not None:
        return rea.realisasi
    metode = metode_akumulasi(laporan, kode)[0]
    accumulated = rules.sampai_dengan([c.number for c in rea.triwulan], metode)[-1]
    if accumulated is None:
        return rea.realisasi
    where = rea.realisasi
    return Cell(Parsed(number=accumulated), where.sheet, where.row, where.col)


def _entered(cell: Cell) -> bool:
    v = cell.value
    return v.number is not None or v.is_range or v.problem is not None


def compute(laporan: Laporan) -> Hasil:
    _assume_metode(laporan)
    setting = pengaturan(laporan)
    found: list[F.Finding] = []
    indikator = {
        kode: _indikator(laporan, ind, setting, found) for kode, ind in laporan.indikator.items()
    }
    anggaran, orphans = _anggaran(laporan)
    sasaran = {
        s.kode: _sasaran(laporan, s, indikator, anggaran, setting)
        for s in laporan.sasaran.values()
        if s.jenis == Jenis.SASARAN
    }
    # the top of the cascade: every program, and the sub kegiatan no program reaches
    top = [a for a in anggaran.values() if a.item.jenis == Jenis.PROGRAM]
    top += [anggaran[k] for k in orphans]
    total_pagu = rules.jumlah([a.pagu for a in top])
    # nothing typed is no total (the tables leave it blank, the narrative says so), never 0
    total_realisasi = rules.total([a.realisasi for a in top])
    ident = laporan.identitas
    serapan_lalu = rules.ratio_percent(
        ident.realisasi_tahun_lalu.number, ident.pagu_tahun_lalu.number
    )
    total_serapan = rules.ratio_percent(total_realisasi, total_pagu)
    assessed = [
        indikator[k].dibatasi for k in indikator if indikator[k].indikator.jenis == Jenis.SASARAN
    ]
    rata = rules.mean(assessed)
    return Hasil(
        laporan=laporan,
        pengaturan=setting,
        indikator=indikator,
        sasaran=sasaran,
        anggaran=anggaran,
        orphans=orphans,
        total_pagu=total_pagu,
        total_realisasi=total_realisasi,
        total_serapan=total_serapan,
        total_sisa=total_pagu - (total_realisasi or 0.0),  # as SISA: unspent is the pagu
        serapan_lalu=serapan_lalu,
        perubahan_serapan=(
            None if total_serapan is None or serapan_lalu is None else total_serapan - serapan_lalu
        ),
        rata_rata=rata,
        predikat=rules.predikat(rata, setting.skala),
        rencana_aksi={
            k: _rencana_aksi(laporan, ra, setting) for k, ra in laporan.rencana_aksi.items()
        },
        sdm_jabatan=_sdm_jabatan(laporan.sdm),
        sdm_golongan=_sdm_golongan(laporan.sdm),
        sdm_pendidikan=_sdm_pendidikan(laporan.sdm),
        findings=found,
    )


def _indikator(
    laporan: Laporan, ind: Indikator, setting: Pengaturan, found: list[F.Finding]
) -> HasilIndikator:
    target, sumber = target_acuan(laporan, ind.kode, setting.tahun)
    rea = laporan.realisasi.get(ind.kode)
    realisasi = realisasi_tahunan(laporan, ind.kode)
    value, alasan = rules.capaian(ind.polaritas, target.value, realisasi.value)
    capped = rules.dibatasi(value, setting.cap)
    if value is None and ind.jenis == Jenis.SASARAN:
        about_realisasi = "realisasi" in (alasan or "")
        where = realisasi if about_realisasi else target
        sheet, ref = where.sheet, where.ref
        if sheet is None:  # no cell to point at: the indicator's own Renstra row
            sheet = RENSTRA.name
            ref = f"{laporan.column(RENSTRA.name, 'kode_indikator') or 'A'}{ind.row}"
        found.append(
            F.finding(
                F.NOT_ASSESSED,
                sheet,
                ref,
                kode=ind.kode,
                indikator=shorten(ind.indikator, 60),
                alasan=alasan,
            )
        )
    awal = laporan.identitas.periode_awal or (laporan.years[0] if laporan.years else setting.tahun)
    periode_years = list(range(awal, setting.tahun + 1))
    # shown with last year too, even when the report year opens the period (Tabel 3.2)
    years = list(range(min(awal, setting.tahun - 1), setting.tahun + 1))
    per_tahun: dict[int, Cell] = {}
    for year in years:
        if year == setting.tahun:
            per_tahun[year] = realisasi
        elif rea is not None and year in rea.tahun_lalu:
            per_tahun[year] = rea.tahun_lalu[year]
        else:
            per_tahun[year] = EMPTY
    sd = rules.realisasi_sd_tahun([per_tahun[y].number for y in periode_years], ind.metode_tahunan)
    akhir_value, _ = rules.capaian(ind.polaritas, ind.target_akhir.value, _parsed_number(sd))
    previous = per_tahun.get(setting.tahun - 1, EMPTY).number
    nasional = rea.nasional if rea else EMPTY
    return HasilIndikator(
        indikator=ind,
        target=target,
        target_sumber=sumber,
        realisasi=realisasi,
        capaian=value,
        dibatasi=capped,
        predikat=rules.predikat(capped, setting.skala),
        alasan=alasan,
        years=years,
        periode_years=periode_years,
        realisasi_per_tahun=per_tahun,
        realisasi_sd=sd,
        capaian_akhir=akhir_value,
        capaian_akhir_dibatasi=rules.dibatasi(akhir_value, setting.cap),
        tren=rules.tren(realisasi.number, previous, ind.polaritas),
        nasional=nasional,
        selisih_nasional=rules.difference(realisasi.number, nasional.number),
        banding_nasional=rules.banding(realisasi.number, nasional.number, ind.polaritas),
    )


def _parsed_number(value: float | None) -> Parsed:
    return MISSING if value is None else Parsed(number=value)


def _anggaran(laporan: Laporan) -> tuple[dict[str, HasilAnggaran], list[str]]:
    out: dict[str, HasilAnggaran] = {}
    for item in laporan.sub_kegiatan():
        rea = laporan.realisasi.get(item.kode)
        real_cell = rea.anggaran if rea else EMPTY
        output = realisasi_tahunan(laporan, item.kode)
        pagu, real = item.pagu.number, real_cell.number
        capaian_output = _output_capaian(item, output)
        out[item.kode] = HasilAnggaran(
            item=item,
            pagu=pagu,
            realisasi=real,
            serapan=rules.ratio_percent(real, pagu),
            sisa=None if pagu is None else pagu - (real or 0.0),
            realisasi_cell=real_cell,
            output_realisasi=output,
            output_capaian=capaian_output,
            nilai_output=rules.nilai_output(pagu, real, capaian_output),
            sub_kegiatan=[item.kode],
        )
    reached: set[str] = set()
    for level in (Jenis.KEGIATAN, Jenis.PROGRAM):  # bottom-up: a program sums its kegiatan
        for item in (i for i in laporan.rkt.values() if i.jenis == level):
            subs = [s.kode for s in laporan.descendants(item.kode)]
            if level == Jenis.PROGRAM:
                reached.update(subs)
            children = [out[c] for c in item.children if c in out]
            rea = laporan.realisasi.get(item.kode)
            own_real = rea.anggaran if rea is not None else EMPTY
            pagu = rules.rollup(item.pagu.number, [c.pagu for c in children])
            real = rules.rollup(own_real.number, [c.realisasi for c in children])
            output = realisasi_tahunan(laporan, item.kode)  # its outcome/output indicator
            out[item.kode] = HasilAnggaran(
                item=item,
                pagu=pagu,
                realisasi=real,
                serapan=rules.ratio_percent(real, pagu),
                sisa=None if pagu is None else pagu - (real or 0.0),
                realisasi_cell=own_real,
                output_realisasi=output,
                output_capaian=_output_capaian(item, output),
                sub_kegiatan=subs,
            )
    orphans = [s.kode for s in laporan.sub_kegiatan() if s.kode not in reached]
    return out, orphans


def _output_capaian(item: RktItem, output: Cell) -> float | None:
    """Capaian of a program's outcome or a kegiatan's or sub kegiatan's output indicator:
    realisasi / target x 100, when both were read."""
    if item.target.value.problem is not None or output.value.problem is not None:
        return None
    return rules.ratio_percent(output.number, item.target.number)


def _sasaran(
    laporan: Laporan,
    sasaran: Sasaran,
    indikator: dict[str, HasilIndikator],
    anggaran: dict[str, HasilAnggaran],
    setting: Pengaturan,
) -> HasilSasaran:
    rata = rules.mean([indikator[k].dibatasi for k in sasaran.indikator])
    programs = [p.kode for p in laporan.programs_of(sasaran.kode)]
    pagu = rules.jumlah([anggaran[p].pagu for p in programs])
    real = rules.total([anggaran[p].realisasi for p in programs])
    serapan = rules.ratio_percent(real, pagu)
    if setting.metode_efisiensi == MetodeEfisiensi.PMK:
        items = [
            (anggaran[s].pagu, anggaran[s].realisasi, anggaran[s].output_capaian)
            for p in programs
            for s in anggaran[p].sub_kegiatan
        ]
        eff = rules.efisiensi_pmk(items)
        label = rules.efisien_pmk(eff)
    else:
        eff = rules.efisiensi_rasio(rata, serapan)
        label = rules.efisien_rasio(eff)
    return HasilSasaran(
        sasaran=sasaran,
        indikator=list(sasaran.indikator),
        dinilai=sum(1 for k in sasaran.indikator if indikator[k].dibatasi is not None),
        rata_rata=rata,
        predikat=rules.predikat(rata, setting.skala),
        programs=programs,
        pagu=pagu,
        realisasi=real,
        serapan=serapan,
        efisiensi=eff,
        efisien=label,
    )


def _rencana_aksi(laporan: Laporan, ra: RencanaAksi, setting: Pengaturan) -> HasilRencanaAksi:
    ind = laporan.indikator.get(ra.kode)
    polaritas = ind.polaritas if ind else Polaritas.POSITIF
    target = [c.number for c in ra.targets]
    target_sd = rules.sampai_dengan(target, ra.metode)
    rea = laporan.realisasi.get(ra.kode)
    realisasi = list(rea.triwulan) if rea else [EMPTY] * 4
    realisasi_sd = rules.sampai_dengan([c.number for c in realisasi], ra.metode)
    acuan, _ = target_acuan(laporan, ra.kode, setting.tahun)
    return HasilRencanaAksi(
        rencana=ra,
        polaritas=polaritas,
        target=target,
        target_sd=target_sd,
        realisasi=realisasi,
        realisasi_sd=realisasi_sd,
        capaian_sd=[
            _capaian_number(polaritas, t, r) for t, r in zip(target_sd, realisasi_sd, strict=True)
        ],
        target_tahunan=rules.target_tahunan(target, ra.metode),
        target_acuan=acuan,
        selisih=rules.difference(rules.target_tahunan(target, ra.metode), acuan.number),
        capaian_tahunan_sd=[
            _capaian_number(polaritas, acuan.number, r)
            if acuan.value.problem is None and not acuan.value.is_range
            else None
            for r in realisasi_sd
        ],
    )


def _capaian_number(polaritas: str, target: float | None, realisasi: float | None):
    if polaritas == Polaritas.RENTANG:
        polaritas = Polaritas.POSITIF
    value, _ = rules.capaian(polaritas, _parsed_number(target), _parsed_number(realisasi))
    return value


# --- SDM ----------------------------------------------------------------------------------

STATUS_COLUMNS = ["ASN", "Non ASN"]


def _group_key(text: str) -> str:
    """Spreadsheet `=` compares text without case, letter by letter (`Straße` is not
    `STRASSE`, as `casefold` would have it); the grouping here does the same."""
    return text.lower()


def _count_by(
    people: list[Pegawai], label, order: list[str] | None = None, statuses=STATUS_COLUMNS
) -> TabelHitung:
    labels: dict[str, str] = {}
    for person in people:
        text = label(person)
        if text:
            labels.setdefault(_group_key(text), text)
    keys = list(labels)
    if order:
        rank = {_group_key(o): i for i, o in enumerate(order)}
        keys.sort(key=lambda k: (rank.get(k, len(rank)), list(labels).index(k)))
    rows = []
    for key in keys:
        counts = [
            sum(1 for p in people if _group_key(label(p)) == key and p.status == status)
            for status in statuses
        ]
        rows.append((labels[key], counts))
    return TabelHitung(list(statuses), rows)


def _sdm_jabatan(people: list[Pegawai]) -> TabelHitung:
    return _count_by(people, lambda p: p.jabatan)


def _count_listed(
    people: list[Pegawai], label, order: list[str], statuses=STATUS_COLUMNS
) -> TabelHitung:
    """One row for every value of the schema's list, in its order, zero rows kept (as LKIP
    tables print them); a value outside the list is no row of its own but a finding."""
    rows = []
    for value in order:
        key = _group_key(value)
        counts = [
            sum(1 for p in people if _group_key(label(p)) == key and p.status == status)
            for status in statuses
        ]
        rows.append((value, counts))
    return TabelHitung(list(statuses), rows)


def _sdm_golongan(people: list[Pegawai]) -> TabelHitung:
    asn = [p for p in people if p.status == "ASN"]
    return _count_listed(asn, lambda p: p.golongan, list(reversed(GOLONGAN)), ["ASN"])


def _sdm_pendidikan(people: list[Pegawai]) -> TabelHitung:
    return _count_listed(people, lambda p: p.pendidikan, list(PENDIDIKAN))

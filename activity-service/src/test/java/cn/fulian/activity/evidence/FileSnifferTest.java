package cn.fulian.activity.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.activity.support.Files;
import org.junit.jupiter.api.Test;

class FileSnifferTest {

    @Test
    void recognisesEachAcceptedKindByItsFirstBytes() {
        assertThat(FileSniffer.sniff(Files.jpg())).contains(EvidenceKind.JPG);
        assertThat(FileSniffer.sniff(Files.png())).contains(EvidenceKind.PNG);
        assertThat(FileSniffer.sniff(Files.pdf())).contains(EvidenceKind.PDF);
        assertThat(FileSniffer.sniff(Files.docx())).contains(EvidenceKind.DOCX);
        assertThat(FileSniffer.sniff(Files.xlsx())).contains(EvidenceKind.XLSX);
    }

    @Test
    void refusesExecutablesPlainZipsTextAndTruncatedHeaders() {
        assertThat(FileSniffer.sniff(Files.exe())).isEmpty();
        assertThat(FileSniffer.sniff(Files.plainZip())).isEmpty();
        assertThat(FileSniffer.sniff("姓名,电话\n张三,123".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(FileSniffer.sniff(new byte[] {(byte) 0x89, 'P'})).isEmpty();
        assertThat(FileSniffer.sniff(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
    }

    @Test
    void extensionIsTheLowerCasedLastSuffix() {
        assertThat(FileSniffer.extension("签到表.2026.PDF")).isEqualTo("pdf");
        assertThat(FileSniffer.extension("无扩展名")).isEmpty();
        assertThat(FileSniffer.extension(null)).isEmpty();
    }
}

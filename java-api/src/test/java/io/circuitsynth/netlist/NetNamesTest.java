package io.circuitsynth.netlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.circuitsynth.netlist.NetNames.NamingPin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The naming helpers, StrNumCmp and UUIDs; the Rust twins are the unit tests of names.rs, strnum.rs, uuid.rs. */
class NetNamesTest {

    @Test
    void powerNamesFollowTheRule() {
        for (String yes : List.of("GND", "Earth", "VDD_IO", "VCC_3V3", "+3V3", "-12V", "+3.3V", "+5", "VPP_1")) {
            assertThat(NetNames.isPowerName(yes)).as(yes).isTrue();
        }
        for (String no : List.of("gnd", "GND_", "VDD_", "VDD_I/O", "VDDIO", "+", "+A", "-", "+3V3/", "EARTH", "V+", "",
                "GND-", "12V")) {
            assertThat(NetNames.isPowerName(no)).as(no).isFalse();
        }
    }

    private static String letter(int unit) {
        StringBuilder s = new StringBuilder();
        NetNames.appendUnitLetter(s, unit);
        return s.toString();
    }

    @Test
    void unitLettersAreBijectiveBase26() {
        assertThat(letter(0)).isEqualTo("A");
        assertThat(letter(1)).isEqualTo("A");
        assertThat(letter(26)).isEqualTo("Z");
        assertThat(letter(27)).isEqualTo("AA");
        assertThat(letter(52)).isEqualTo("AZ");
        assertThat(letter(53)).isEqualTo("BA");
        assertThat(letter(702)).isEqualTo("ZZ");
        assertThat(letter(703)).isEqualTo("AAA");
    }

    @Test
    void escapeReplacesSlashesAndDropsLineBreaks() {
        StringBuilder s = new StringBuilder();
        NetNames.escapeNetName(s, "OSC1/CLKI\r\nx");
        assertThat(s.toString()).isEqualTo("OSC1{slash}CLKIx");
    }

    private static NamingPin pin(String reference, String name, String number) {
        return new NamingPin(reference, 1, false, name, number, false, false, false);
    }

    @Test
    void pinNamesMatchKicadsExamples() {
        assertThat(NetNames.pinDrivenName(List.of(pin("C201", "", "2"), pin("R201", "", "1")), 2))
                .isEqualTo("Net-(C201-Pad2)");
        assertThat(NetNames.pinDrivenName(List.of(pin("R1", "", "1"), pin("D203", "K", "1")), 2))
                .isEqualTo("Net-(D203-K)");
        NamingPin minus = new NamingPin("U201", 1, true, "-", "2", false, false, false);
        assertThat(NetNames.pinDrivenName(List.of(pin("RV201", "2", "2"), minus), 2)).isEqualTo("Net-(U201A--)");
        assertThat(NetNames.pinDrivenName(List.of(pin("U102", "LV", "6")), 1)).isEqualTo("unconnected-(U102-LV-Pad6)");
        assertThat(NetNames.pinDrivenName(List.of(pin("J1", "", "1")), 1)).isEqualTo("unconnected-(J1-Pad1)");
        assertThat(NetNames.pinDrivenName(List.of(pin("U5", "OSC1/CLKI", "16")), 1))
                .isEqualTo("unconnected-(U5-OSC1{slash}CLKI-Pad16)");
        NamingPin twin = new NamingPin("U9", 1, false, "GND", "4", false, false, true);
        assertThat(NetNames.pinDrivenName(List.of(twin, pin("R1", "", "1")), 2)).isEqualTo("Net-(R1-Pad1)");
        NamingPin nc = new NamingPin("U3", 1, false, "NC", "5", true, false, false);
        assertThat(NetNames.pinDrivenName(List.of(nc, pin("R1", "", "1")), 2)).isEqualTo("Net-(R1-Pad1)");
    }

    @Test
    void twinsAreOtherPinsOfOneNameInOneUnit() {
        boolean[][] twins = NetNames.pinTwins(List.of(
                new NetNames.TwinPin("-", "2", 1, false),
                new NetNames.TwinPin("-", "6", 2, false),
                new NetNames.TwinPin("GND", "4", 0, false),
                new NetNames.TwinPin("GND", "9", 1, true),
                new NetNames.TwinPin("", "1", 1, false),
                new NetNames.TwinPin("", "7", 1, false)));
        assertThat(twins[0]).containsExactly(false, false);
        assertThat(twins[1]).containsExactly(false, false);
        assertThat(twins[2]).containsExactly(true, false);
        assertThat(twins[3]).containsExactly(false, true);
        assertThat(twins[4]).containsExactly(false, false);
    }

    @Test
    void numbersCompareByValue() {
        assertThat(StrNumCmp.compare("D9", "D10", false)).isNegative();
        assertThat(StrNumCmp.compare("R201", "R3", false)).isPositive();
        assertThat(StrNumCmp.compare("R01", "R1", false)).isZero();
        assertThat(StrNumCmp.compare("R1", "R1A", false)).isNegative();
        assertThat(StrNumCmp.compare("", "A", false)).isNegative();
        assertThat(StrNumCmp.compare("A", "", false)).isPositive();
        assertThat(StrNumCmp.compare("A1B2", "A1B10", false)).isNegative();
    }

    @Test
    void caseIsIgnoredForAsciiOnlyWhenAsked() {
        assertThat(StrNumCmp.compare("r1", "R1", true)).isZero();
        assertThat(StrNumCmp.compare("r1", "R1", false)).isPositive();
        assertThat(StrNumCmp.compare("é", "É", true)).isPositive();
        assertThat(StrNumCmp.compare("a", "_", false)).isPositive();
        assertThat(StrNumCmp.compare("a", "_", true)).isNegative();
        assertThat(StrNumCmp.asciiUpper("aßé-z")).isEqualTo("Aßé-Z");
    }

    @Test
    void netNamesSortAsKicadSortsThem() {
        List<String> names = new ArrayList<>(List.of("unconnected-(U1-Pad1)", "VCC", "Net-(D1-K)", "GND", "/ampli",
                "/12Vext", "-VAA", "+12V"));
        names.sort(StrNumCmp.NETS);
        assertThat(names).containsExactly("+12V", "-VAA", "/12Vext", "/ampli", "GND", "Net-(D1-K)", "VCC",
                "unconnected-(U1-Pad1)");
    }

    @Test
    void digitRunsWrapAt32Bits() {
        assertThat(StrNumCmp.compare("R4294967296", "R0", false)).isZero();
        assertThat(StrNumCmp.compare("R4294967297", "R2", false)).isNegative();
    }

    @Test
    void codePointOrderIsUtf8Order() {
        String supplementary = new String(Character.toChars(0x1F600));
        List<String> strings = new ArrayList<>(List.of("\uFFFD", supplementary, "z", "\u00E9"));
        strings.sort(StrNumCmp.CODE_POINTS);
        List<String> byBytes = new ArrayList<>(strings);
        byBytes.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
        assertThat(strings).containsExactlyElementsOf(byBytes).containsExactly("z", "\u00E9", "\uFFFD", supplementary);
    }

    @Test
    void uuidsMatchKnownValues() throws Exception {
        // Values from Python's uuid.uuid5(uuid.NAMESPACE_URL, name).
        assertThat(Uuid5.of("http://www.example.com")).isEqualTo("2d32a3f1-fac2-52a6-ac52-fe9e87e628ea");
        assertThat(Uuid5.symbol("/ch1/", "R_fb", 2)).isEqualTo("c6393a02-de33-5323-91a1-81c6204e3e7c");
        assertThat(Uuid5.sheet("/")).isEqualTo("6cabe245-00af-5f89-ae87-68d1e80c5f2f");
        // The SHA-1 underneath, on the standard's vector.
        byte[] abc = MessageDigest.getInstance("SHA-1").digest("abc".getBytes(StandardCharsets.US_ASCII));
        StringBuilder hex = new StringBuilder();
        for (byte b : abc) {
            hex.append(String.format("%02x", b));
        }
        assertThat(hex.toString()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    }
}

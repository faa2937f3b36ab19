package io.circuitsynth.cli;

import io.circuitsynth.Circuit;
import io.circuitsynth.Component;
import io.circuitsynth.Instance;
import io.circuitsynth.Net;
import io.circuitsynth.symbols.ElectricalType;

/**
 * The example board that {@code circuitsynth example} generates: a USB-C powered STM32F103
 * board in five sheets, 48 parts, written with the public circuit API.
 *
 * <ul>
 *   <li>{@code USB}: USB-C receptacle (USB 2.0), 5.1k CC pull-downs so a USB-C source offers
 *       5 V, ESD protection on the data lines, a fuse and a Schottky diode from VBUS to +5V;
 *   <li>{@code Power}: an AMS1117-3.3 regulator from +5V to +3V3 with its capacitors and a power
 *       LED (an {@code Indicator} placed inside it);
 *   <li>{@code MCU}: STM32F103C8T6 with decoupling, an 8 MHz crystal, reset, boot and user
 *       buttons, the USB D+ pull-up, and a 10-pin Cortex debug header (SWD);
 *   <li>{@code LED1}..{@code LED3}: one {@code Indicator} subcircuit (an LED and its resistor)
 *       placed three times, so one sheet file serves three instances;
 *   <li>the root: UART and I2C headers (with the I2C pull-ups) and test points.
 * </ul>
 *
 * <p>The symbols are KiCad's official ones ({@code MCU_ST_STM32F1:STM32F103C8Tx},
 * {@code Regulator_Linear:AMS1117-3.3}...). The five parts that the built-in generic library
 * lacks carry their pin table ({@link Component#definePin}), copied from KiCad's symbol with
 * the same numbers, names and electrical types: with KiCad installed the table is ignored, and
 * without it the part becomes a box symbol with the same pins, so the board's connectivity is
 * the same either way. Every MCU pin the board does not use is marked no-connect, so KiCad's
 * electrical rules check passes without warnings about them.
 */
public final class ExampleBoard {
    /** The project name: {@code example.kicad_pro}, {@code example.kicad_sch}... */
    public static final String NAME = "example";

    private static final String R_0603 = "Resistor_SMD:R_0603_1608Metric";
    private static final String C_0603 = "Capacitor_SMD:C_0603_1608Metric";
    private static final String C_0805 = "Capacitor_SMD:C_0805_2012Metric";
    private static final String BUTTON = "Button_Switch_SMD:SW_SPST_TL3342";

    private ExampleBoard() {}

    /** The board, a new circuit on every call. */
    public static Circuit circuit() {
        Circuit indicator = indicator();
        Circuit board = Circuit.create(NAME);
        Net usbDp = board.net("USB_DP");
        Net usbDm = board.net("USB_DM");
        board.instantiate(usbInput(), "USB").bind("USB_DP", usbDp).bind("USB_DM", usbDm);
        board.instantiate(regulator(indicator), "Power");
        Instance mcu = board.instantiate(mcu(), "MCU");
        mcu.bind("USB_DP", usbDp).bind("USB_DM", usbDm);
        for (int i = 1; i <= 3; i++) {
            Net led = board.net("LED" + i);
            mcu.bind("LED" + i, led);
            board.instantiate(indicator, "LED" + i).bind("IN", led);
        }

        Net gnd = board.net("GND");
        Net v33 = board.net("+3V3");
        Component uart = board.component("Connector_Generic:Conn_01x03", "J", "UART")
                .footprint("Connector_PinHeader_2.54mm:PinHeader_1x03_P2.54mm_Vertical");
        mcu.bind("UART_TX", board.net("UART_TX").connect(uart.pin(1)));
        mcu.bind("UART_RX", board.net("UART_RX").connect(uart.pin(2)));
        gnd.connect(uart.pin(3));

        Component i2c = board.component("Connector_Generic:Conn_01x04", "J", "I2C")
                .footprint("Connector_PinHeader_2.54mm:PinHeader_1x04_P2.54mm_Vertical");
        Net scl = board.net("I2C_SCL");
        Net sda = board.net("I2C_SDA");
        v33.connect(i2c.pin(1));
        scl.connect(i2c.pin(2));
        sda.connect(i2c.pin(3));
        gnd.connect(i2c.pin(4));
        for (Net line : new Net[] {scl, sda}) {
            Component pullUp = board.component("Device:R", "R", "4.7k").footprint(R_0603);
            line.connect(pullUp.pin(1));
            v33.connect(pullUp.pin(2));
        }
        mcu.bind("I2C_SCL", scl).bind("I2C_SDA", sda);

        for (String rail : new String[] {"+5V", "+3V3", "GND"}) {
            Component tp = board.component("Connector:TestPoint", "TP", rail)
                    .footprint("TestPoint:TestPoint_Pad_D1.5mm");
            board.net(rail).connect(tp.pin(1));
        }
        return board;
    }

    /** An LED with its series resistor, driven from {@code IN}. */
    private static Circuit indicator() {
        Circuit c = Circuit.subcircuit("Indicator", "IN");
        Component r = c.component("Device:R", "R", "330").footprint(R_0603);
        Component led = c.component("Device:LED", "D", "green").footprint("LED_SMD:LED_0603_1608Metric");
        c.port("IN").connect(r.pin(1));
        r.pin(2).connect(led.pin("A"));
        c.net("GND").connect(led.pin("K"));
        return c;
    }

    /** USB-C receptacle to the +5V rail and the two data lines. */
    private static Circuit usbInput() {
        Circuit c = Circuit.subcircuit("UsbInput", "USB_DP", "USB_DM");
        Net vbus = c.net("VBUS");
        Net v5 = c.net("+5V");
        Net gnd = c.net("GND");

        Component j = definePins(c.component("Connector:USB_C_Receptacle_USB2.0_16P", "J", "USB-C")
                .footprint("Connector_USB:USB_C_Receptacle_GCT_USB4105-xx-A_16P_TopMnt_Horizontal"),
                "A1 GND passive", "A12 GND passive", "B1 GND passive", "B12 GND passive",
                "A4 VBUS passive", "A9 VBUS passive", "B4 VBUS passive", "B9 VBUS passive",
                "A5 CC1 bidirectional", "B5 CC2 bidirectional", "A6 D+ bidirectional", "B6 D+ bidirectional",
                "A7 D- bidirectional", "B7 D- bidirectional", "A8 SBU1 bidirectional", "B8 SBU2 bidirectional",
                "S1 SHIELD passive");
        vbus.connect(j.pin("VBUS"));
        gnd.connect(j.pin("GND"), j.pin("SHIELD"));
        c.port("USB_DP").connect(j.pin("D+"));
        c.port("USB_DM").connect(j.pin("D-"));
        j.pin("SBU1").noConnect();
        j.pin("SBU2").noConnect();
        for (String cc : new String[] {"CC1", "CC2"}) {
            Component r = c.component("Device:R", "R", "5.1k").footprint(R_0603);
            j.pin(cc).connect(r.pin(1));
            gnd.connect(r.pin(2));
        }

        Component esd = definePins(c.component("Power_Protection:USBLC6-2SC6", "U", "USBLC6-2SC6")
                .footprint("Package_TO_SOT_SMD:SOT-23-6"),
                "1 I/O1 passive", "6 I/O1 passive", "3 I/O2 passive", "4 I/O2 passive",
                "5 VBUS passive", "2 GND passive");
        c.port("USB_DP").connect(esd.pin("I/O1"));
        c.port("USB_DM").connect(esd.pin("I/O2"));
        vbus.connect(esd.pin("VBUS"));
        gnd.connect(esd.pin("GND"));

        Component bulk = c.component("Device:C", "C", "4.7u").footprint(C_0805);
        vbus.connect(bulk.pin(1));
        gnd.connect(bulk.pin(2));

        Component fuse = c.component("Device:Fuse", "F", "500mA").footprint("Fuse:Fuse_1206_3216Metric");
        Component diode = c.component("Device:D_Schottky", "D", "SS14").footprint("Diode_SMD:D_SMA");
        vbus.connect(fuse.pin(1));
        fuse.pin(2).connect(diode.pin("A"));
        v5.connect(diode.pin("K"));
        return c;
    }

    /** +5V to +3V3, with the regulator's capacitors and a power LED. */
    private static Circuit regulator(Circuit indicator) {
        Circuit c = Circuit.subcircuit("Regulator");
        Net v5 = c.net("+5V");
        Net v33 = c.net("+3V3");
        Net gnd = c.net("GND");
        Component u = definePins(c.component("Regulator_Linear:AMS1117-3.3", "U", "AMS1117-3.3")
                .footprint("Package_TO_SOT_SMD:SOT-223-3_TabPin2"),
                "3 VI power_in", "1 GND power_in", "2 VO power_out");
        v5.connect(u.pin("VI"));
        v33.connect(u.pin("VO"));
        gnd.connect(u.pin("GND"));
        capacitor(c, "10u", C_0805, v5, gnd);
        capacitor(c, "22u", C_0805, v33, gnd);
        capacitor(c, "100n", C_0603, v33, gnd);
        c.instantiate(indicator, "PowerLED").bind("IN", v33);
        return c;
    }

    /** The STM32F103C8T6 and everything around it. */
    private static Circuit mcu() {
        Circuit c = Circuit.subcircuit("Mcu", "USB_DP", "USB_DM", "LED1", "LED2", "LED3", "UART_TX", "UART_RX",
                "I2C_SCL", "I2C_SDA");
        Net v33 = c.net("+3V3");
        Net gnd = c.net("GND");
        Component u = definePins(c.component("MCU_ST_STM32F1:STM32F103C8Tx", "U", "STM32F103C8T6")
                .footprint("Package_QFP:LQFP-48_7x7mm_P0.5mm"),
                "1 VBAT power_in", "24 VDD power_in", "36 VDD power_in", "48 VDD power_in", "9 VDDA power_in",
                "23 VSS power_in", "35 VSS passive", "47 VSS passive", "8 VSSA power_in",
                "7 NRST input", "44 BOOT0 input", "5 PD0 bidirectional", "6 PD1 bidirectional",
                "10 PA0 bidirectional", "11 PA1 bidirectional", "12 PA2 bidirectional", "13 PA3 bidirectional",
                "14 PA4 bidirectional", "15 PA5 bidirectional", "16 PA6 bidirectional", "17 PA7 bidirectional",
                "29 PA8 bidirectional", "30 PA9 bidirectional", "31 PA10 bidirectional", "32 PA11 bidirectional",
                "33 PA12 bidirectional", "34 PA13 bidirectional", "37 PA14 bidirectional", "38 PA15 bidirectional",
                "18 PB0 bidirectional", "19 PB1 bidirectional", "20 PB2 bidirectional", "39 PB3 bidirectional",
                "40 PB4 bidirectional", "41 PB5 bidirectional", "42 PB6 bidirectional", "43 PB7 bidirectional",
                "45 PB8 bidirectional", "46 PB9 bidirectional", "21 PB10 bidirectional", "22 PB11 bidirectional",
                "25 PB12 bidirectional", "26 PB13 bidirectional", "27 PB14 bidirectional", "28 PB15 bidirectional",
                "2 PC13 bidirectional", "3 PC14 bidirectional", "4 PC15 bidirectional");
        v33.connect(u.pin("VDD"), u.pin("VBAT"), u.pin("VDDA"));
        gnd.connect(u.pin("VSS"), u.pin("VSSA"));
        // One 100n per VDD pin and VBAT, a bulk capacitor, and VDDA's own pair.
        for (int i = 0; i < 4; i++) {
            capacitor(c, "100n", C_0603, v33, gnd);
        }
        capacitor(c, "4.7u", C_0805, v33, gnd);
        capacitor(c, "10n", C_0603, v33, gnd);
        capacitor(c, "1u", C_0603, v33, gnd);

        Component crystal = c.component("Device:Crystal", "Y", "8MHz")
                .footprint("Crystal:Crystal_HC49-4H_Vertical");
        Net hseIn = c.net("HSE_IN").connect(u.pin("PD0"), crystal.pin(1));
        Net hseOut = c.net("HSE_OUT").connect(u.pin("PD1"), crystal.pin(2));
        capacitor(c, "20p", C_0603, hseIn, gnd);
        capacitor(c, "20p", C_0603, hseOut, gnd);

        Net nrst = c.net("NRST").connect(u.pin("NRST"));
        button(c, "RESET", nrst, gnd);
        capacitor(c, "100n", C_0603, nrst, gnd);

        // BOOT0 low runs the flash; held high at reset, the ROM bootloader starts.
        Net boot0 = c.net("BOOT0").connect(u.pin("BOOT0"));
        button(c, "BOOT", v33, boot0);
        resistor(c, "10k", boot0, gnd);
        resistor(c, "10k", c.net("BOOT1").connect(u.pin("PB2")), gnd);

        Net userButton = c.net("BUTTON").connect(u.pin("PA0"));
        button(c, "USER", v33, userButton);
        resistor(c, "10k", userButton, gnd);

        // 22R in series on each data line; the STM32F1 needs the 1.5k full-speed pull-up on D+.
        resistor(c, "22", c.port("USB_DP"), c.net().connect(u.pin("PA12")));
        resistor(c, "22", c.port("USB_DM"), c.net().connect(u.pin("PA11")));
        resistor(c, "1.5k", c.port("USB_DP"), v33);

        Component swd = definePins(c.component("Connector:Conn_ARM_JTAG_SWD_10", "J", "SWD")
                .footprint("Connector_PinHeader_1.27mm:PinHeader_2x05_P1.27mm_Vertical_SMD"),
                "1 VTref power_in", "2 SWDIO/TMS bidirectional", "3 GND power_in", "4 SWCLK/TCK output",
                "5 GND passive", "6 SWO/TDO input", "7 KEY no_connect", "8 NC/TDI output", "9 GNDDetect passive",
                "10 ~{RESET} open_collector");
        v33.connect(swd.pin("VTref"));
        gnd.connect(swd.pin("GND"), swd.pin("GNDDetect"));
        c.net("SWDIO").connect(u.pin("PA13"), swd.pin("SWDIO/TMS"));
        c.net("SWCLK").connect(u.pin("PA14"), swd.pin("SWCLK/TCK"));
        c.net("SWO").connect(u.pin("PB3"), swd.pin("SWO/TDO"));
        nrst.connect(swd.pin("~{RESET}"));
        swd.pin("NC/TDI").noConnect();

        c.port("LED1").connect(u.pin("PC13"));
        c.port("LED2").connect(u.pin("PB12"));
        c.port("LED3").connect(u.pin("PB13"));
        c.port("UART_TX").connect(u.pin("PA9"));
        c.port("UART_RX").connect(u.pin("PA10"));
        c.port("I2C_SCL").connect(u.pin("PB6"));
        c.port("I2C_SDA").connect(u.pin("PB7"));
        for (String unused : new String[] {"PA1", "PA2", "PA3", "PA4", "PA5", "PA6", "PA7", "PA8", "PA15", "PB0",
                "PB1", "PB4", "PB5", "PB8", "PB9", "PB10", "PB11", "PB14", "PB15", "PC14", "PC15"}) {
            u.pin(unused).noConnect();
        }
        return c;
    }

    private static void capacitor(Circuit c, String value, String footprint, Net a, Net b) {
        Component cap = c.component("Device:C", "C", value).footprint(footprint);
        a.connect(cap.pin(1));
        b.connect(cap.pin(2));
    }

    private static void resistor(Circuit c, String value, Net a, Net b) {
        Component r = c.component("Device:R", "R", value).footprint(R_0603);
        a.connect(r.pin(1));
        b.connect(r.pin(2));
    }

    private static void button(Circuit c, String value, Net a, Net b) {
        Component sw = c.component("Switch:SW_Push", "SW", value).footprint(BUTTON);
        a.connect(sw.pin(1));
        b.connect(sw.pin(2));
    }

    /**
     * Gives {@code part} its pin table ({@code "NUMBER NAME TYPE"} each), used only where no
     * library holds its symbol.
     */
    private static Component definePins(Component part, String... pins) {
        for (String pin : pins) {
            String[] f = pin.split(" ");
            part.definePin(f[0], f[1], ElectricalType.fromKeyword(f[2]));
        }
        return part;
    }
}

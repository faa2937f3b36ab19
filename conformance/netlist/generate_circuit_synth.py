#!/usr/bin/env python3
"""Writes the circuit-synth vectors cs_NAME.cs.json of this folder with circuit-synth itself.

Needs circuit-synth 0.1.0 (pip install circuit-synth==0.1.0; the import alone needs loguru,
sexpdata, pyyaml, cachetools and psutil) and the KiCad 9 symbol libraries. The circuits are the
package's README example and a few hierarchies written for these vectors. The .out.json files are
then written by the engines and checked by eye (JsonVectorsTest.main).
Run from this folder: python3 generate_circuit_synth.py
"""

from circuit_synth import *  # noqa: F401,F403

@circuit(name="esp32s3_simple")
def esp32s3_simple():
    """Simple ESP32-S3 circuit with decoupling capacitor and debug header"""
    _3V3 = Net('3V3')
    GND = Net('GND')
    esp32s3 = Component(symbol="RF_Module:ESP32-S3-MINI-1", ref="U", footprint="RF_Module:ESP32-S2-MINI-1")
    cap_power = Component(symbol="Device:C", ref="C", value="10uF", footprint="Capacitor_SMD:C_0603_1608Metric")
    debug_header = Component(symbol="Connector_Generic:Conn_02x03_Odd_Even", ref="J", footprint="Connector_IDC:IDC-Header_2x03_P2.54mm_Vertical")
    esp32s3["3V3"] += _3V3
    esp32s3["GND"] += GND
    cap_power[1] += _3V3
    cap_power[2] += GND
    debug_header[1] += esp32s3['EN']
    debug_header[2] += _3V3
    debug_header[3] += esp32s3['TXD0']
    debug_header[4] += GND
    debug_header[5] += esp32s3['RXD0']
    debug_header[6] += esp32s3['IO0']


@circuit(name="regulator")
def regulator(vin, vout, gnd):
    """3.3V LDO regulator"""
    u = Component(symbol="Regulator_Linear:AMS1117-3.3", ref="U", footprint="Package_TO_SOT_SMD:SOT-223-3_TabPin2")
    cin = Component(symbol="Device:C", ref="C", value="10uF", footprint="Capacitor_SMD:C_0805_2012Metric")
    cout = Component(symbol="Device:C", ref="C", value="22uF", footprint="Capacitor_SMD:C_0805_2012Metric")
    u["VI"] += vin
    u["VO"] += vout
    u["GND"] += gnd
    cin[1] += vin
    cin[2] += gnd
    cout[1] += vout
    cout[2] += gnd

@circuit(name="led_channel")
def led_channel(vcc, gnd):
    """LED with its resistor"""
    r = Component(symbol="Device:R", ref="R", value="330", footprint="Resistor_SMD:R_0603_1608Metric", MPN="RC0603FR-07330RL")
    d = Component(symbol="Device:LED", ref="D", value="red", footprint="LED_SMD:LED_0603_1608Metric")
    mid = Net()
    r[1] += vcc
    r[2] += mid
    d["A"] += mid
    d["K"] += gnd

@circuit(name="board")
def board():
    """Root: USB power, regulator, two LED channels"""
    vbus = Net('VBUS')
    v3 = Net('+3V3')
    gnd = Net('GND')
    j = Component(symbol="Connector:USB_B_Micro", ref="J1", footprint="Connector_USB:USB_Micro-B_Molex-105017-0001")
    j["VBUS"] += vbus
    j["GND"] += gnd
    regulator(vbus, v3, gnd)
    led_channel(v3, gnd)
    led_channel(v3, gnd)


@circuit(name="sensor")
def sensor(vdd, gnd, sda, scl, alert):
    """Temperature sensor on the I2C bus"""
    u = Component(symbol="Sensor_Temperature:TMP102xxDRL", ref="U", footprint="Package_TO_SOT_SMD:SOT-563")
    c = Component(symbol="Device:C", ref="C", value="100nF", footprint="Capacitor_SMD:C_0402_1005Metric")
    u["V+"] += vdd
    u["GND"] += gnd
    u["SDA"] += sda
    u["SCL"] += scl
    u["ALERT"] += alert
    u["ADD0"] += gnd
    c[1] += vdd
    c[2] += gnd

@circuit(name="sensor_board")
def sensor_board(vdd, gnd, sda, scl):
    """Two sensors sharing one alert line"""
    alert = Net('ALERT')
    r = Component(symbol="Device:R", ref="R", value="10k", footprint="Resistor_SMD:R_0402_1005Metric")
    r[1] += vdd
    r[2] += alert
    sensor(vdd, gnd, sda, scl, alert)
    sensor(vdd, gnd, sda, scl, alert)

@circuit(name="mcu")
def mcu(vdd, gnd, sda, scl, led):
    """Microcontroller"""
    u = Component(symbol="MCU_Microchip_ATtiny:ATtiny85-20S", ref="U", footprint="Package_SO:SOIC-8_5.3x5.3mm_P1.27mm")
    u["VCC"] += vdd
    u["GND"] += gnd
    u["AREF/PB0"] += sda
    u["PB2"] += scl
    u["PB1"] += led

@circuit(name="i2c_sensors")
def i2c_sensors():
    """Root: an MCU, a sensor board, pull-ups and a status LED"""
    v3 = Net('+3V3')
    gnd = Net('GND')
    sda = Net('SDA')
    scl = Net('SCL')
    led_drive = Net()
    rsda = Component(symbol="Device:R", ref="R", value="4k7", footprint="Resistor_SMD:R_0402_1005Metric")
    rscl = Component(symbol="Device:R", ref="R", value="4k7", footprint="Resistor_SMD:R_0402_1005Metric")
    rled = Component(symbol="Device:R", ref="R", value="1k", footprint="Resistor_SMD:R_0402_1005Metric")
    d = Component(symbol="Device:LED", ref="D", value="green", footprint="LED_SMD:LED_0603_1608Metric")
    rsda[1] += v3
    rsda[2] += sda
    rscl[1] += v3
    rscl[2] += scl
    rled[1] += led_drive
    rled[2] += d["A"]
    d["K"] += gnd
    mcu(v3, gnd, sda, scl, led_drive)
    sensor_board(v3, gnd, sda, scl)


@circuit(name="bare")
def bare():
    a = Net('SIG')
    r = Component(symbol="Device:R", ref="R")
    u = Component(symbol="Amplifier_Operational:LM358", ref="U", value="LM358", tolerance=5, note=None)
    r[1] += a
    u["+"] += a
    r[2] += u[1]


CIRCUITS = {
    "cs_esp32s3_simple": esp32s3_simple,
    "cs_usb_leds": board,
    "cs_i2c_sensors": i2c_sensors,
    "cs_nulls_and_numbers": bare,
}


def main():
    for stem, build in CIRCUITS.items():
        build().generate_json_netlist(stem + ".cs.json")


if __name__ == "__main__":
    main()

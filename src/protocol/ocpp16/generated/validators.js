// GENERATED FILE, DO NOT EDIT. Run `npx tsx scripts/generate-protocol.ts` to regenerate.
// Source: ocpp-rpc@2.2.1, lib/schemas/ocpp1_6.json (OCPP 1.6 JSON schemas, used unmodified).
// Schema content (c) Open Charge Alliance, licensed under CC BY-ND 4.0:
// https://creativecommons.org/licenses/by-nd/4.0/

// @ts-nocheck
import { createRequire } from 'node:module';
import { dateTime } from '../../date-time-format.js';

const require = createRequire(import.meta.url);
export const AuthorizeRequest = validate42;
const schema12 = {"$id":"urn:Authorize.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"idTag":{"type":"string","maxLength":20}},"required":["idTag"],"type":"object"};
const func4 = require("ajv/dist/runtime/ucs2length").default;

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:Authorize.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.idTag === undefined) && (missing0 = "idTag")){
validate42.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "idTag")){
validate42.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.idTag !== undefined){
let data0 = data.idTag;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 20){
validate42.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate42.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
}
else {
validate42.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate42.errors = vErrors;
return errors === 0;
}

export const AuthorizeResponse = validate43;
const schema13 = {"$id":"urn:Authorize.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"idTagInfo":{"type":"object","properties":{"expiryDate":{"type":"string","format":"date-time"},"parentIdTag":{"type":"string","maxLength":20},"status":{"type":"string","enum":["Accepted","Blocked","Expired","Invalid","ConcurrentTx"]}},"additionalProperties":false,"required":["status"]}},"required":["idTagInfo"],"type":"object"};
const formats0 = dateTime;

function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:Authorize.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.idTagInfo === undefined) && (missing0 = "idTagInfo")){
validate43.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "idTagInfo")){
validate43.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.idTagInfo !== undefined){
let data0 = data.idTagInfo;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing1;
if((data0.status === undefined) && (missing1 = "status")){
validate43.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs4 = errors;
for(const key1 in data0){
if(!(((key1 === "expiryDate") || (key1 === "parentIdTag")) || (key1 === "status"))){
validate43.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs4 === errors){
if(data0.expiryDate !== undefined){
let data1 = data0.expiryDate;
const _errs5 = errors;
if(errors === _errs5){
if(errors === _errs5){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate43.errors = [{instancePath:instancePath+"/idTagInfo/expiryDate",schemaPath:"#/properties/idTagInfo/properties/expiryDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate43.errors = [{instancePath:instancePath+"/idTagInfo/expiryDate",schemaPath:"#/properties/idTagInfo/properties/expiryDate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs5 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.parentIdTag !== undefined){
let data2 = data0.parentIdTag;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func4(data2) > 20){
validate43.errors = [{instancePath:instancePath+"/idTagInfo/parentIdTag",schemaPath:"#/properties/idTagInfo/properties/parentIdTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate43.errors = [{instancePath:instancePath+"/idTagInfo/parentIdTag",schemaPath:"#/properties/idTagInfo/properties/parentIdTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.status !== undefined){
let data3 = data0.status;
const _errs9 = errors;
if(typeof data3 !== "string"){
validate43.errors = [{instancePath:instancePath+"/idTagInfo/status",schemaPath:"#/properties/idTagInfo/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data3 === "Accepted") || (data3 === "Blocked")) || (data3 === "Expired")) || (data3 === "Invalid")) || (data3 === "ConcurrentTx"))){
validate43.errors = [{instancePath:instancePath+"/idTagInfo/status",schemaPath:"#/properties/idTagInfo/properties/status/enum",keyword:"enum",params:{allowedValues: schema13.properties.idTagInfo.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
}
}
else {
validate43.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate43.errors = vErrors;
return errors === 0;
}

export const BootNotificationRequest = validate44;
const schema14 = {"$id":"urn:BootNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"chargePointVendor":{"type":"string","maxLength":20},"chargePointModel":{"type":"string","maxLength":20},"chargePointSerialNumber":{"type":"string","maxLength":25},"chargeBoxSerialNumber":{"type":"string","maxLength":25},"firmwareVersion":{"type":"string","maxLength":50},"iccid":{"type":"string","maxLength":20},"imsi":{"type":"string","maxLength":20},"meterType":{"type":"string","maxLength":25},"meterSerialNumber":{"type":"string","maxLength":25}},"required":["chargePointVendor","chargePointModel"],"type":"object"};
const func6 = Object.prototype.hasOwnProperty;

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:BootNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.chargePointVendor === undefined) && (missing0 = "chargePointVendor")) || ((data.chargePointModel === undefined) && (missing0 = "chargePointModel"))){
validate44.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func6.call(schema14.properties, key0))){
validate44.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.chargePointVendor !== undefined){
let data0 = data.chargePointVendor;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 20){
validate44.errors = [{instancePath:instancePath+"/chargePointVendor",schemaPath:"#/properties/chargePointVendor/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/chargePointVendor",schemaPath:"#/properties/chargePointVendor/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargePointModel !== undefined){
let data1 = data.chargePointModel;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func4(data1) > 20){
validate44.errors = [{instancePath:instancePath+"/chargePointModel",schemaPath:"#/properties/chargePointModel/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/chargePointModel",schemaPath:"#/properties/chargePointModel/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargePointSerialNumber !== undefined){
let data2 = data.chargePointSerialNumber;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(func4(data2) > 25){
validate44.errors = [{instancePath:instancePath+"/chargePointSerialNumber",schemaPath:"#/properties/chargePointSerialNumber/maxLength",keyword:"maxLength",params:{limit: 25},message:"must NOT have more than 25 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/chargePointSerialNumber",schemaPath:"#/properties/chargePointSerialNumber/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargeBoxSerialNumber !== undefined){
let data3 = data.chargeBoxSerialNumber;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data3 === "string"){
if(func4(data3) > 25){
validate44.errors = [{instancePath:instancePath+"/chargeBoxSerialNumber",schemaPath:"#/properties/chargeBoxSerialNumber/maxLength",keyword:"maxLength",params:{limit: 25},message:"must NOT have more than 25 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/chargeBoxSerialNumber",schemaPath:"#/properties/chargeBoxSerialNumber/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.firmwareVersion !== undefined){
let data4 = data.firmwareVersion;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data4 === "string"){
if(func4(data4) > 50){
validate44.errors = [{instancePath:instancePath+"/firmwareVersion",schemaPath:"#/properties/firmwareVersion/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/firmwareVersion",schemaPath:"#/properties/firmwareVersion/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.iccid !== undefined){
let data5 = data.iccid;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data5 === "string"){
if(func4(data5) > 20){
validate44.errors = [{instancePath:instancePath+"/iccid",schemaPath:"#/properties/iccid/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/iccid",schemaPath:"#/properties/iccid/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imsi !== undefined){
let data6 = data.imsi;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data6 === "string"){
if(func4(data6) > 20){
validate44.errors = [{instancePath:instancePath+"/imsi",schemaPath:"#/properties/imsi/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/imsi",schemaPath:"#/properties/imsi/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.meterType !== undefined){
let data7 = data.meterType;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data7 === "string"){
if(func4(data7) > 25){
validate44.errors = [{instancePath:instancePath+"/meterType",schemaPath:"#/properties/meterType/maxLength",keyword:"maxLength",params:{limit: 25},message:"must NOT have more than 25 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/meterType",schemaPath:"#/properties/meterType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.meterSerialNumber !== undefined){
let data8 = data.meterSerialNumber;
const _errs18 = errors;
if(errors === _errs18){
if(typeof data8 === "string"){
if(func4(data8) > 25){
validate44.errors = [{instancePath:instancePath+"/meterSerialNumber",schemaPath:"#/properties/meterSerialNumber/maxLength",keyword:"maxLength",params:{limit: 25},message:"must NOT have more than 25 characters"}];
return false;
}
}
else {
validate44.errors = [{instancePath:instancePath+"/meterSerialNumber",schemaPath:"#/properties/meterSerialNumber/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate44.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate44.errors = vErrors;
return errors === 0;
}

export const BootNotificationResponse = validate45;
const schema15 = {"$id":"urn:BootNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Pending","Rejected"]},"currentTime":{"type":"string","format":"date-time"},"interval":{"type":"integer"}},"required":["status","currentTime","interval"],"type":"object"};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:BootNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.status === undefined) && (missing0 = "status")) || ((data.currentTime === undefined) && (missing0 = "currentTime"))) || ((data.interval === undefined) && (missing0 = "interval"))){
validate45.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "status") || (key0 === "currentTime")) || (key0 === "interval"))){
validate45.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate45.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "Accepted") || (data0 === "Pending")) || (data0 === "Rejected"))){
validate45.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema15.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.currentTime !== undefined){
let data1 = data.currentTime;
const _errs4 = errors;
if(errors === _errs4){
if(errors === _errs4){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate45.errors = [{instancePath:instancePath+"/currentTime",schemaPath:"#/properties/currentTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate45.errors = [{instancePath:instancePath+"/currentTime",schemaPath:"#/properties/currentTime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.interval !== undefined){
let data2 = data.interval;
const _errs6 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate45.errors = [{instancePath:instancePath+"/interval",schemaPath:"#/properties/interval/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate45.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate45.errors = vErrors;
return errors === 0;
}

export const CancelReservationRequest = validate46;
const schema16 = {"$id":"urn:CancelReservation.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"reservationId":{"type":"integer"}},"required":["reservationId"],"type":"object"};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:CancelReservation.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.reservationId === undefined) && (missing0 = "reservationId")){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "reservationId")){
validate46.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.reservationId !== undefined){
let data0 = data.reservationId;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate46.errors = [{instancePath:instancePath+"/reservationId",schemaPath:"#/properties/reservationId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}

export const CancelReservationResponse = validate47;
const schema17 = {"$id":"urn:CancelReservation.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected"]}},"required":["status"],"type":"object"};

function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:CancelReservation.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate47.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate47.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate47.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Rejected"))){
validate47.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema17.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate47.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate47.errors = vErrors;
return errors === 0;
}

export const CertificateSignedRequest = validate48;
const schema18 = {"$id":"urn:CertificateSigned.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"certificateChain":{"type":"string","maxLength":10000}},"required":["certificateChain"],"type":"object"};

function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:CertificateSigned.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.certificateChain === undefined) && (missing0 = "certificateChain")){
validate48.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "certificateChain")){
validate48.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.certificateChain !== undefined){
let data0 = data.certificateChain;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 10000){
validate48.errors = [{instancePath:instancePath+"/certificateChain",schemaPath:"#/properties/certificateChain/maxLength",keyword:"maxLength",params:{limit: 10000},message:"must NOT have more than 10000 characters"}];
return false;
}
}
else {
validate48.errors = [{instancePath:instancePath+"/certificateChain",schemaPath:"#/properties/certificateChain/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
}
else {
validate48.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate48.errors = vErrors;
return errors === 0;
}

export const CertificateSignedResponse = validate49;
const schema19 = {"$id":"urn:CertificateSigned.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"CertificateSignedStatusEnumType":{"type":"string","enum":["Accepted","Rejected"]}},"properties":{"status":{"$ref":"#/definitions/CertificateSignedStatusEnumType"}},"required":["status"],"type":"object"};
const schema20 = {"type":"string","enum":["Accepted","Rejected"]};

function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate50.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "Accepted") || (data === "Rejected"))){
validate50.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema20.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate50.errors = vErrors;
return errors === 0;
}


function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:CertificateSigned.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate49.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate49.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
if(!(validate50(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate49.errors = vErrors;
return errors === 0;
}

export const ChangeAvailabilityRequest = validate52;
const schema21 = {"$id":"urn:ChangeAvailability.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"type":{"type":"string","enum":["Inoperative","Operative"]}},"required":["connectorId","type"],"type":"object"};

function validate52(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ChangeAvailability.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.type === undefined) && (missing0 = "type"))){
validate52.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "connectorId") || (key0 === "type"))){
validate52.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate52.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.type !== undefined){
let data1 = data.type;
const _errs4 = errors;
if(typeof data1 !== "string"){
validate52.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data1 === "Inoperative") || (data1 === "Operative"))){
validate52.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema21.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate52.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate52.errors = vErrors;
return errors === 0;
}

export const ChangeAvailabilityResponse = validate53;
const schema22 = {"$id":"urn:ChangeAvailability.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected","Scheduled"]}},"required":["status"],"type":"object"};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ChangeAvailability.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate53.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate53.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate53.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "Accepted") || (data0 === "Rejected")) || (data0 === "Scheduled"))){
validate53.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema22.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate53.errors = vErrors;
return errors === 0;
}

export const ChangeConfigurationRequest = validate54;
const schema23 = {"$id":"urn:ChangeConfiguration.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"key":{"type":"string","maxLength":50},"value":{"type":"string","maxLength":500}},"required":["key","value"],"type":"object"};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ChangeConfiguration.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.key === undefined) && (missing0 = "key")) || ((data.value === undefined) && (missing0 = "value"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "key") || (key0 === "value"))){
validate54.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.key !== undefined){
let data0 = data.key;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 50){
validate54.errors = [{instancePath:instancePath+"/key",schemaPath:"#/properties/key/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate54.errors = [{instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.value !== undefined){
let data1 = data.value;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func4(data1) > 500){
validate54.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"}];
return false;
}
}
else {
validate54.errors = [{instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}

export const ChangeConfigurationResponse = validate55;
const schema24 = {"$id":"urn:ChangeConfiguration.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected","RebootRequired","NotSupported"]}},"required":["status"],"type":"object"};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ChangeConfiguration.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate55.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate55.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate55.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data0 === "Accepted") || (data0 === "Rejected")) || (data0 === "RebootRequired")) || (data0 === "NotSupported"))){
validate55.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema24.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}

export const ClearCacheRequest = validate56;
const schema25 = {"$id":"urn:ClearCache.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate56(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ClearCache.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate56.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate56.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate56.errors = vErrors;
return errors === 0;
}

export const ClearCacheResponse = validate57;
const schema26 = {"$id":"urn:ClearCache.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected"]}},"required":["status"],"type":"object"};

function validate57(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ClearCache.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate57.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate57.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate57.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Rejected"))){
validate57.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema26.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate57.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate57.errors = vErrors;
return errors === 0;
}

export const ClearChargingProfileRequest = validate58;
const schema27 = {"$id":"urn:ClearChargingProfile.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"id":{"type":"integer"},"connectorId":{"type":"integer"},"chargingProfilePurpose":{"type":"string","enum":["ChargePointMaxProfile","TxDefaultProfile","TxProfile"]},"stackLevel":{"type":"integer"}},"type":"object"};

function validate58(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ClearChargingProfile.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "id") || (key0 === "connectorId")) || (key0 === "chargingProfilePurpose")) || (key0 === "stackLevel"))){
validate58.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.id !== undefined){
let data0 = data.id;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate58.errors = [{instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.connectorId !== undefined){
let data1 = data.connectorId;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate58.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargingProfilePurpose !== undefined){
let data2 = data.chargingProfilePurpose;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate58.errors = [{instancePath:instancePath+"/chargingProfilePurpose",schemaPath:"#/properties/chargingProfilePurpose/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data2 === "ChargePointMaxProfile") || (data2 === "TxDefaultProfile")) || (data2 === "TxProfile"))){
validate58.errors = [{instancePath:instancePath+"/chargingProfilePurpose",schemaPath:"#/properties/chargingProfilePurpose/enum",keyword:"enum",params:{allowedValues: schema27.properties.chargingProfilePurpose.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stackLevel !== undefined){
let data3 = data.stackLevel;
const _errs8 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate58.errors = [{instancePath:instancePath+"/stackLevel",schemaPath:"#/properties/stackLevel/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate58.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate58.errors = vErrors;
return errors === 0;
}

export const ClearChargingProfileResponse = validate59;
const schema28 = {"$id":"urn:ClearChargingProfile.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Unknown"]}},"required":["status"],"type":"object"};

function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ClearChargingProfile.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate59.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate59.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate59.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Unknown"))){
validate59.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema28.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate59.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate59.errors = vErrors;
return errors === 0;
}

export const DataTransferRequest = validate60;
const schema29 = {"$id":"urn:DataTransfer.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"vendorId":{"type":"string","maxLength":255},"messageId":{"type":"string","maxLength":50},"data":{"type":"string"}},"required":["vendorId"],"type":"object"};

function validate60(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:DataTransfer.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.vendorId === undefined) && (missing0 = "vendorId")){
validate60.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "vendorId") || (key0 === "messageId")) || (key0 === "data"))){
validate60.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.vendorId !== undefined){
let data0 = data.vendorId;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 255){
validate60.errors = [{instancePath:instancePath+"/vendorId",schemaPath:"#/properties/vendorId/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/vendorId",schemaPath:"#/properties/vendorId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.messageId !== undefined){
let data1 = data.messageId;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func4(data1) > 50){
validate60.errors = [{instancePath:instancePath+"/messageId",schemaPath:"#/properties/messageId/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate60.errors = [{instancePath:instancePath+"/messageId",schemaPath:"#/properties/messageId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.data !== undefined){
const _errs6 = errors;
if(typeof data.data !== "string"){
validate60.errors = [{instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate60.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate60.errors = vErrors;
return errors === 0;
}

export const DataTransferResponse = validate61;
const schema30 = {"$id":"urn:DataTransfer.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected","UnknownMessageId","UnknownVendorId"]},"data":{"type":"string"}},"required":["status"],"type":"object"};

function validate61(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:DataTransfer.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate61.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "status") || (key0 === "data"))){
validate61.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate61.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data0 === "Accepted") || (data0 === "Rejected")) || (data0 === "UnknownMessageId")) || (data0 === "UnknownVendorId"))){
validate61.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema30.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.data !== undefined){
const _errs4 = errors;
if(typeof data.data !== "string"){
validate61.errors = [{instancePath:instancePath+"/data",schemaPath:"#/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate61.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate61.errors = vErrors;
return errors === 0;
}

export const DeleteCertificateRequest = validate62;
const schema31 = {"$id":"urn:DeleteCertificate.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"HashAlgorithmEnumType":{"type":"string","enum":["SHA256","SHA384","SHA512"]},"CertificateHashDataType":{"type":"object","additionalProperties":false,"properties":{"hashAlgorithm":{"$ref":"#/definitions/HashAlgorithmEnumType"},"issuerNameHash":{"type":"string","maxLength":128},"issuerKeyHash":{"type":"string","maxLength":128},"serialNumber":{"type":"string","maxLength":40}},"required":["hashAlgorithm","issuerNameHash","issuerKeyHash","serialNumber"]}},"properties":{"certificateHashData":{"$ref":"#/definitions/CertificateHashDataType"}},"required":["certificateHashData"],"type":"object"};
const schema32 = {"type":"object","additionalProperties":false,"properties":{"hashAlgorithm":{"$ref":"#/definitions/HashAlgorithmEnumType"},"issuerNameHash":{"type":"string","maxLength":128},"issuerKeyHash":{"type":"string","maxLength":128},"serialNumber":{"type":"string","maxLength":40}},"required":["hashAlgorithm","issuerNameHash","issuerKeyHash","serialNumber"]};
const schema33 = {"type":"string","enum":["SHA256","SHA384","SHA512"]};

function validate64(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate64.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "SHA256") || (data === "SHA384")) || (data === "SHA512"))){
validate64.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema33.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate64.errors = vErrors;
return errors === 0;
}


function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.hashAlgorithm === undefined) && (missing0 = "hashAlgorithm")) || ((data.issuerNameHash === undefined) && (missing0 = "issuerNameHash"))) || ((data.issuerKeyHash === undefined) && (missing0 = "issuerKeyHash"))) || ((data.serialNumber === undefined) && (missing0 = "serialNumber"))){
validate63.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "hashAlgorithm") || (key0 === "issuerNameHash")) || (key0 === "issuerKeyHash")) || (key0 === "serialNumber"))){
validate63.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.hashAlgorithm !== undefined){
const _errs2 = errors;
if(!(validate64(data.hashAlgorithm, {instancePath:instancePath+"/hashAlgorithm",parentData:data,parentDataProperty:"hashAlgorithm",rootData}))){
vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.issuerNameHash !== undefined){
let data1 = data.issuerNameHash;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(func4(data1) > 128){
validate63.errors = [{instancePath:instancePath+"/issuerNameHash",schemaPath:"#/properties/issuerNameHash/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate63.errors = [{instancePath:instancePath+"/issuerNameHash",schemaPath:"#/properties/issuerNameHash/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.issuerKeyHash !== undefined){
let data2 = data.issuerKeyHash;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data2 === "string"){
if(func4(data2) > 128){
validate63.errors = [{instancePath:instancePath+"/issuerKeyHash",schemaPath:"#/properties/issuerKeyHash/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate63.errors = [{instancePath:instancePath+"/issuerKeyHash",schemaPath:"#/properties/issuerKeyHash/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.serialNumber !== undefined){
let data3 = data.serialNumber;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data3 === "string"){
if(func4(data3) > 40){
validate63.errors = [{instancePath:instancePath+"/serialNumber",schemaPath:"#/properties/serialNumber/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"}];
return false;
}
}
else {
validate63.errors = [{instancePath:instancePath+"/serialNumber",schemaPath:"#/properties/serialNumber/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate63.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate63.errors = vErrors;
return errors === 0;
}


function validate62(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:DeleteCertificate.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.certificateHashData === undefined) && (missing0 = "certificateHashData")){
validate62.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "certificateHashData")){
validate62.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.certificateHashData !== undefined){
if(!(validate63(data.certificateHashData, {instancePath:instancePath+"/certificateHashData",parentData:data,parentDataProperty:"certificateHashData",rootData}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate62.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate62.errors = vErrors;
return errors === 0;
}

export const DeleteCertificateResponse = validate67;
const schema34 = {"$id":"urn:DeleteCertificate.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"DeleteCertificateStatusEnumType":{"type":"string","enum":["Accepted","Failed","NotFound"]}},"properties":{"status":{"$ref":"#/definitions/DeleteCertificateStatusEnumType"}},"required":["status"],"type":"object"};
const schema35 = {"type":"string","enum":["Accepted","Failed","NotFound"]};

function validate68(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate68.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "Accepted") || (data === "Failed")) || (data === "NotFound"))){
validate68.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema35.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate68.errors = vErrors;
return errors === 0;
}


function validate67(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:DeleteCertificate.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate67.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate67.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
if(!(validate68(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate67.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate67.errors = vErrors;
return errors === 0;
}

export const DiagnosticsStatusNotificationRequest = validate70;
const schema36 = {"$id":"urn:DiagnosticsStatusNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Idle","Uploaded","UploadFailed","Uploading"]}},"required":["status"],"type":"object"};

function validate70(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:DiagnosticsStatusNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate70.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate70.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate70.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data0 === "Idle") || (data0 === "Uploaded")) || (data0 === "UploadFailed")) || (data0 === "Uploading"))){
validate70.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema36.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate70.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate70.errors = vErrors;
return errors === 0;
}

export const DiagnosticsStatusNotificationResponse = validate71;
const schema37 = {"$id":"urn:DiagnosticsStatusNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate71(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:DiagnosticsStatusNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate71.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate71.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate71.errors = vErrors;
return errors === 0;
}

export const ExtendedTriggerMessageRequest = validate72;
const schema38 = {"$id":"urn:ExtendedTriggerMessage.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"MessageTriggerEnumType":{"type":"string","enum":["BootNotification","LogStatusNotification","FirmwareStatusNotification","Heartbeat","MeterValues","SignChargePointCertificate","StatusNotification"]}},"properties":{"requestedMessage":{"$ref":"#/definitions/MessageTriggerEnumType"},"connectorId":{"type":"integer"}},"required":["requestedMessage"],"type":"object"};
const schema39 = {"type":"string","enum":["BootNotification","LogStatusNotification","FirmwareStatusNotification","Heartbeat","MeterValues","SignChargePointCertificate","StatusNotification"]};

function validate73(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate73.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data === "BootNotification") || (data === "LogStatusNotification")) || (data === "FirmwareStatusNotification")) || (data === "Heartbeat")) || (data === "MeterValues")) || (data === "SignChargePointCertificate")) || (data === "StatusNotification"))){
validate73.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema39.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate73.errors = vErrors;
return errors === 0;
}


function validate72(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ExtendedTriggerMessage.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.requestedMessage === undefined) && (missing0 = "requestedMessage")){
validate72.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "requestedMessage") || (key0 === "connectorId"))){
validate72.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.requestedMessage !== undefined){
const _errs2 = errors;
if(!(validate73(data.requestedMessage, {instancePath:instancePath+"/requestedMessage",parentData:data,parentDataProperty:"requestedMessage",rootData}))){
vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.connectorId !== undefined){
let data1 = data.connectorId;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate72.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate72.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate72.errors = vErrors;
return errors === 0;
}

export const ExtendedTriggerMessageResponse = validate75;
const schema40 = {"$id":"urn:ExtendedTriggerMessage.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"TriggerMessageStatusEnumType":{"type":"string","enum":["Accepted","Rejected","NotImplemented"]}},"properties":{"status":{"$ref":"#/definitions/TriggerMessageStatusEnumType"}},"required":["status"],"type":"object"};
const schema41 = {"type":"string","enum":["Accepted","Rejected","NotImplemented"]};

function validate76(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate76.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "Accepted") || (data === "Rejected")) || (data === "NotImplemented"))){
validate76.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema41.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate76.errors = vErrors;
return errors === 0;
}


function validate75(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ExtendedTriggerMessage.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate75.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate75.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
if(!(validate76(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate75.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate75.errors = vErrors;
return errors === 0;
}

export const FirmwareStatusNotificationRequest = validate78;
const schema42 = {"$id":"urn:FirmwareStatusNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Downloaded","DownloadFailed","Downloading","Idle","InstallationFailed","Installing","Installed"]}},"required":["status"],"type":"object"};

function validate78(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:FirmwareStatusNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate78.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate78.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate78.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data0 === "Downloaded") || (data0 === "DownloadFailed")) || (data0 === "Downloading")) || (data0 === "Idle")) || (data0 === "InstallationFailed")) || (data0 === "Installing")) || (data0 === "Installed"))){
validate78.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema42.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate78.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate78.errors = vErrors;
return errors === 0;
}

export const FirmwareStatusNotificationResponse = validate79;
const schema43 = {"$id":"urn:FirmwareStatusNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate79(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:FirmwareStatusNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate79.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate79.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate79.errors = vErrors;
return errors === 0;
}

export const GetCompositeScheduleRequest = validate80;
const schema44 = {"$id":"urn:GetCompositeSchedule.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"duration":{"type":"integer"},"chargingRateUnit":{"type":"string","enum":["A","W"]}},"required":["connectorId","duration"],"type":"object"};

function validate80(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetCompositeSchedule.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.duration === undefined) && (missing0 = "duration"))){
validate80.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "connectorId") || (key0 === "duration")) || (key0 === "chargingRateUnit"))){
validate80.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate80.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.duration !== undefined){
let data1 = data.duration;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate80.errors = [{instancePath:instancePath+"/duration",schemaPath:"#/properties/duration/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargingRateUnit !== undefined){
let data2 = data.chargingRateUnit;
const _errs6 = errors;
if(typeof data2 !== "string"){
validate80.errors = [{instancePath:instancePath+"/chargingRateUnit",schemaPath:"#/properties/chargingRateUnit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data2 === "A") || (data2 === "W"))){
validate80.errors = [{instancePath:instancePath+"/chargingRateUnit",schemaPath:"#/properties/chargingRateUnit/enum",keyword:"enum",params:{allowedValues: schema44.properties.chargingRateUnit.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate80.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate80.errors = vErrors;
return errors === 0;
}

export const GetCompositeScheduleResponse = validate81;
const schema45 = {"$id":"urn:GetCompositeSchedule.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected"]},"connectorId":{"type":"integer"},"scheduleStart":{"type":"string","format":"date-time"},"chargingSchedule":{"type":"object","properties":{"duration":{"type":"integer"},"startSchedule":{"type":"string","format":"date-time"},"chargingRateUnit":{"type":"string","enum":["A","W"]},"chargingSchedulePeriod":{"type":"array","items":{"type":"object","properties":{"startPeriod":{"type":"integer"},"limit":{"type":"number","multipleOf":0.1},"numberPhases":{"type":"integer"}},"additionalProperties":false,"required":["startPeriod","limit"]}},"minChargingRate":{"type":"number","multipleOf":0.1}},"additionalProperties":false,"required":["chargingRateUnit","chargingSchedulePeriod"]}},"required":["status"],"type":"object"};

function validate81(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetCompositeSchedule.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate81.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "status") || (key0 === "connectorId")) || (key0 === "scheduleStart")) || (key0 === "chargingSchedule"))){
validate81.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate81.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Rejected"))){
validate81.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema45.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.connectorId !== undefined){
let data1 = data.connectorId;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate81.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.scheduleStart !== undefined){
let data2 = data.scheduleStart;
const _errs6 = errors;
if(errors === _errs6){
if(errors === _errs6){
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
validate81.errors = [{instancePath:instancePath+"/scheduleStart",schemaPath:"#/properties/scheduleStart/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate81.errors = [{instancePath:instancePath+"/scheduleStart",schemaPath:"#/properties/scheduleStart/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargingSchedule !== undefined){
let data3 = data.chargingSchedule;
const _errs8 = errors;
if(errors === _errs8){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((data3.chargingRateUnit === undefined) && (missing1 = "chargingRateUnit")) || ((data3.chargingSchedulePeriod === undefined) && (missing1 = "chargingSchedulePeriod"))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule",schemaPath:"#/properties/chargingSchedule/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs10 = errors;
for(const key1 in data3){
if(!(((((key1 === "duration") || (key1 === "startSchedule")) || (key1 === "chargingRateUnit")) || (key1 === "chargingSchedulePeriod")) || (key1 === "minChargingRate"))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule",schemaPath:"#/properties/chargingSchedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs10 === errors){
if(data3.duration !== undefined){
let data4 = data3.duration;
const _errs11 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/duration",schemaPath:"#/properties/chargingSchedule/properties/duration/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs11 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.startSchedule !== undefined){
let data5 = data3.startSchedule;
const _errs13 = errors;
if(errors === _errs13){
if(errors === _errs13){
if(typeof data5 === "string"){
if(!(formats0.validate(data5))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/startSchedule",schemaPath:"#/properties/chargingSchedule/properties/startSchedule/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/startSchedule",schemaPath:"#/properties/chargingSchedule/properties/startSchedule/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs13 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.chargingRateUnit !== undefined){
let data6 = data3.chargingRateUnit;
const _errs15 = errors;
if(typeof data6 !== "string"){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingRateUnit",schemaPath:"#/properties/chargingSchedule/properties/chargingRateUnit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data6 === "A") || (data6 === "W"))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingRateUnit",schemaPath:"#/properties/chargingSchedule/properties/chargingRateUnit/enum",keyword:"enum",params:{allowedValues: schema45.properties.chargingSchedule.properties.chargingRateUnit.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs15 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.chargingSchedulePeriod !== undefined){
let data7 = data3.chargingSchedulePeriod;
const _errs17 = errors;
if(errors === _errs17){
if(Array.isArray(data7)){
var valid2 = true;
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
const _errs19 = errors;
if(errors === _errs19){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing2;
if(((data8.startPeriod === undefined) && (missing2 = "startPeriod")) || ((data8.limit === undefined) && (missing2 = "limit"))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs21 = errors;
for(const key2 in data8){
if(!(((key2 === "startPeriod") || (key2 === "limit")) || (key2 === "numberPhases"))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs21 === errors){
if(data8.startPeriod !== undefined){
let data9 = data8.startPeriod;
const _errs22 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0+"/startPeriod",schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/startPeriod/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs22 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data8.limit !== undefined){
let data10 = data8.limit;
const _errs24 = errors;
if(errors === _errs24){
if((typeof data10 == "number") && (isFinite(data10))){
let res0;
if((0.1 === 0 || (res0 = data10/0.1, Math.abs(Math.round(res0) - res0) > 1e-6))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0+"/limit",schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/limit/multipleOf",keyword:"multipleOf",params:{multipleOf: 0.1},message:"must be multiple of 0.1"}];
return false;
}
}
else {
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0+"/limit",schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/limit/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid3 = _errs24 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data8.numberPhases !== undefined){
let data11 = data8.numberPhases;
const _errs26 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0+"/numberPhases",schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/numberPhases/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid3 = _errs26 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs19 === errors;
if(!valid2){
break;
}
}
}
else {
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/chargingSchedulePeriod",schemaPath:"#/properties/chargingSchedule/properties/chargingSchedulePeriod/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid1 = _errs17 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.minChargingRate !== undefined){
let data12 = data3.minChargingRate;
const _errs28 = errors;
if(errors === _errs28){
if((typeof data12 == "number") && (isFinite(data12))){
let res1;
if((0.1 === 0 || (res1 = data12/0.1, Math.abs(Math.round(res1) - res1) > 1e-6))){
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/minChargingRate",schemaPath:"#/properties/chargingSchedule/properties/minChargingRate/multipleOf",keyword:"multipleOf",params:{multipleOf: 0.1},message:"must be multiple of 0.1"}];
return false;
}
}
else {
validate81.errors = [{instancePath:instancePath+"/chargingSchedule/minChargingRate",schemaPath:"#/properties/chargingSchedule/properties/minChargingRate/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid1 = _errs28 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
}
else {
validate81.errors = [{instancePath:instancePath+"/chargingSchedule",schemaPath:"#/properties/chargingSchedule/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate81.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate81.errors = vErrors;
return errors === 0;
}

export const GetConfigurationRequest = validate82;
const schema46 = {"$id":"urn:GetConfiguration.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"key":{"type":"array","items":{"type":"string","maxLength":50}}},"type":"object"};

function validate82(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetConfiguration.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "key")){
validate82.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.key !== undefined){
let data0 = data.key;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func4(data1) > 50){
validate82.errors = [{instancePath:instancePath+"/key/" + i0,schemaPath:"#/properties/key/items/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate82.errors = [{instancePath:instancePath+"/key/" + i0,schemaPath:"#/properties/key/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate82.errors = [{instancePath:instancePath+"/key",schemaPath:"#/properties/key/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
}
}
}
else {
validate82.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate82.errors = vErrors;
return errors === 0;
}

export const GetConfigurationResponse = validate83;
const schema47 = {"$id":"urn:GetConfiguration.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"configurationKey":{"type":"array","items":{"type":"object","properties":{"key":{"type":"string","maxLength":50},"readonly":{"type":"boolean"},"value":{"type":"string","maxLength":500}},"additionalProperties":false,"required":["key","readonly"]}},"unknownKey":{"type":"array","items":{"type":"string","maxLength":50}}},"type":"object"};

function validate83(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetConfiguration.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "configurationKey") || (key0 === "unknownKey"))){
validate83.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.configurationKey !== undefined){
let data0 = data.configurationKey;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs4 = errors;
if(errors === _errs4){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing0;
if(((data1.key === undefined) && (missing0 = "key")) || ((data1.readonly === undefined) && (missing0 = "readonly"))){
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0,schemaPath:"#/properties/configurationKey/items/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs6 = errors;
for(const key1 in data1){
if(!(((key1 === "key") || (key1 === "readonly")) || (key1 === "value"))){
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0,schemaPath:"#/properties/configurationKey/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs6 === errors){
if(data1.key !== undefined){
let data2 = data1.key;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func4(data2) > 50){
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0+"/key",schemaPath:"#/properties/configurationKey/items/properties/key/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0+"/key",schemaPath:"#/properties/configurationKey/items/properties/key/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.readonly !== undefined){
const _errs9 = errors;
if(typeof data1.readonly !== "boolean"){
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0+"/readonly",schemaPath:"#/properties/configurationKey/items/properties/readonly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data1.value !== undefined){
let data4 = data1.value;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data4 === "string"){
if(func4(data4) > 500){
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0+"/value",schemaPath:"#/properties/configurationKey/items/properties/value/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters"}];
return false;
}
}
else {
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0+"/value",schemaPath:"#/properties/configurationKey/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
else {
validate83.errors = [{instancePath:instancePath+"/configurationKey/" + i0,schemaPath:"#/properties/configurationKey/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
else {
validate83.errors = [{instancePath:instancePath+"/configurationKey",schemaPath:"#/properties/configurationKey/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.unknownKey !== undefined){
let data5 = data.unknownKey;
const _errs13 = errors;
if(errors === _errs13){
if(Array.isArray(data5)){
var valid3 = true;
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
const _errs15 = errors;
if(errors === _errs15){
if(typeof data6 === "string"){
if(func4(data6) > 50){
validate83.errors = [{instancePath:instancePath+"/unknownKey/" + i1,schemaPath:"#/properties/unknownKey/items/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate83.errors = [{instancePath:instancePath+"/unknownKey/" + i1,schemaPath:"#/properties/unknownKey/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs15 === errors;
if(!valid3){
break;
}
}
}
else {
validate83.errors = [{instancePath:instancePath+"/unknownKey",schemaPath:"#/properties/unknownKey/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate83.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate83.errors = vErrors;
return errors === 0;
}

export const GetDiagnosticsRequest = validate84;
const schema48 = {"$id":"urn:GetDiagnostics.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"location":{"type":"string","format":"uri"},"retries":{"type":"integer"},"retryInterval":{"type":"integer"},"startTime":{"type":"string","format":"date-time"},"stopTime":{"type":"string","format":"date-time"}},"required":["location"],"type":"object"};
const formats8 = require("ajv-formats/dist/formats").fullFormats.uri;

function validate84(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetDiagnostics.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.location === undefined) && (missing0 = "location")){
validate84.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "location") || (key0 === "retries")) || (key0 === "retryInterval")) || (key0 === "startTime")) || (key0 === "stopTime"))){
validate84.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.location !== undefined){
let data0 = data.location;
const _errs2 = errors;
if(errors === _errs2){
if(errors === _errs2){
if(typeof data0 === "string"){
if(!(formats8(data0))){
validate84.errors = [{instancePath:instancePath+"/location",schemaPath:"#/properties/location/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""}];
return false;
}
}
else {
validate84.errors = [{instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retries !== undefined){
let data1 = data.retries;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate84.errors = [{instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retryInterval !== undefined){
let data2 = data.retryInterval;
const _errs6 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate84.errors = [{instancePath:instancePath+"/retryInterval",schemaPath:"#/properties/retryInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.startTime !== undefined){
let data3 = data.startTime;
const _errs8 = errors;
if(errors === _errs8){
if(errors === _errs8){
if(typeof data3 === "string"){
if(!(formats0.validate(data3))){
validate84.errors = [{instancePath:instancePath+"/startTime",schemaPath:"#/properties/startTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate84.errors = [{instancePath:instancePath+"/startTime",schemaPath:"#/properties/startTime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stopTime !== undefined){
let data4 = data.stopTime;
const _errs10 = errors;
if(errors === _errs10){
if(errors === _errs10){
if(typeof data4 === "string"){
if(!(formats0.validate(data4))){
validate84.errors = [{instancePath:instancePath+"/stopTime",schemaPath:"#/properties/stopTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate84.errors = [{instancePath:instancePath+"/stopTime",schemaPath:"#/properties/stopTime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate84.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate84.errors = vErrors;
return errors === 0;
}

export const GetDiagnosticsResponse = validate85;
const schema49 = {"$id":"urn:GetDiagnostics.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"fileName":{"type":"string","maxLength":255}},"type":"object"};

function validate85(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetDiagnostics.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "fileName")){
validate85.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.fileName !== undefined){
let data0 = data.fileName;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 255){
validate85.errors = [{instancePath:instancePath+"/fileName",schemaPath:"#/properties/fileName/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"}];
return false;
}
}
else {
validate85.errors = [{instancePath:instancePath+"/fileName",schemaPath:"#/properties/fileName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate85.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate85.errors = vErrors;
return errors === 0;
}

export const GetInstalledCertificateIdsRequest = validate86;
const schema50 = {"$id":"urn:GetInstalledCertificateIds.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"CertificateUseEnumType":{"type":"string","enum":["CentralSystemRootCertificate","ManufacturerRootCertificate"]}},"properties":{"certificateType":{"$ref":"#/definitions/CertificateUseEnumType"}},"required":["certificateType"],"type":"object"};
const schema51 = {"type":"string","enum":["CentralSystemRootCertificate","ManufacturerRootCertificate"]};

function validate87(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate87.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "CentralSystemRootCertificate") || (data === "ManufacturerRootCertificate"))){
validate87.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema51.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate87.errors = vErrors;
return errors === 0;
}


function validate86(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetInstalledCertificateIds.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.certificateType === undefined) && (missing0 = "certificateType")){
validate86.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "certificateType")){
validate86.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.certificateType !== undefined){
if(!(validate87(data.certificateType, {instancePath:instancePath+"/certificateType",parentData:data,parentDataProperty:"certificateType",rootData}))){
vErrors = vErrors === null ? validate87.errors : vErrors.concat(validate87.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate86.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate86.errors = vErrors;
return errors === 0;
}

export const GetInstalledCertificateIdsResponse = validate89;
const schema52 = {"$id":"urn:GetInstalledCertificateIds.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"GetInstalledCertificateStatusEnumType":{"type":"string","enum":["Accepted","NotFound"]},"HashAlgorithmEnumType":{"type":"string","enum":["SHA256","SHA384","SHA512"]},"CertificateHashDataType":{"type":"object","additionalProperties":false,"properties":{"hashAlgorithm":{"$ref":"#/definitions/HashAlgorithmEnumType"},"issuerNameHash":{"type":"string","maxLength":128},"issuerKeyHash":{"type":"string","maxLength":128},"serialNumber":{"type":"string","maxLength":40}},"required":["hashAlgorithm","issuerNameHash","issuerKeyHash","serialNumber"]}},"properties":{"certificateHashData":{"type":"array","items":{"$ref":"#/definitions/CertificateHashDataType"},"minItems":1},"status":{"$ref":"#/definitions/GetInstalledCertificateStatusEnumType"}},"required":["status"],"type":"object"};
const schema53 = {"type":"object","additionalProperties":false,"properties":{"hashAlgorithm":{"$ref":"#/definitions/HashAlgorithmEnumType"},"issuerNameHash":{"type":"string","maxLength":128},"issuerKeyHash":{"type":"string","maxLength":128},"serialNumber":{"type":"string","maxLength":40}},"required":["hashAlgorithm","issuerNameHash","issuerKeyHash","serialNumber"]};
const schema54 = {"type":"string","enum":["SHA256","SHA384","SHA512"]};

function validate91(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate91.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "SHA256") || (data === "SHA384")) || (data === "SHA512"))){
validate91.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema54.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate91.errors = vErrors;
return errors === 0;
}


function validate90(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.hashAlgorithm === undefined) && (missing0 = "hashAlgorithm")) || ((data.issuerNameHash === undefined) && (missing0 = "issuerNameHash"))) || ((data.issuerKeyHash === undefined) && (missing0 = "issuerKeyHash"))) || ((data.serialNumber === undefined) && (missing0 = "serialNumber"))){
validate90.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "hashAlgorithm") || (key0 === "issuerNameHash")) || (key0 === "issuerKeyHash")) || (key0 === "serialNumber"))){
validate90.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.hashAlgorithm !== undefined){
const _errs2 = errors;
if(!(validate91(data.hashAlgorithm, {instancePath:instancePath+"/hashAlgorithm",parentData:data,parentDataProperty:"hashAlgorithm",rootData}))){
vErrors = vErrors === null ? validate91.errors : vErrors.concat(validate91.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.issuerNameHash !== undefined){
let data1 = data.issuerNameHash;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(func4(data1) > 128){
validate90.errors = [{instancePath:instancePath+"/issuerNameHash",schemaPath:"#/properties/issuerNameHash/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate90.errors = [{instancePath:instancePath+"/issuerNameHash",schemaPath:"#/properties/issuerNameHash/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.issuerKeyHash !== undefined){
let data2 = data.issuerKeyHash;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data2 === "string"){
if(func4(data2) > 128){
validate90.errors = [{instancePath:instancePath+"/issuerKeyHash",schemaPath:"#/properties/issuerKeyHash/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"}];
return false;
}
}
else {
validate90.errors = [{instancePath:instancePath+"/issuerKeyHash",schemaPath:"#/properties/issuerKeyHash/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.serialNumber !== undefined){
let data3 = data.serialNumber;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data3 === "string"){
if(func4(data3) > 40){
validate90.errors = [{instancePath:instancePath+"/serialNumber",schemaPath:"#/properties/serialNumber/maxLength",keyword:"maxLength",params:{limit: 40},message:"must NOT have more than 40 characters"}];
return false;
}
}
else {
validate90.errors = [{instancePath:instancePath+"/serialNumber",schemaPath:"#/properties/serialNumber/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate90.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate90.errors = vErrors;
return errors === 0;
}

const schema55 = {"type":"string","enum":["Accepted","NotFound"]};

function validate94(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate94.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "Accepted") || (data === "NotFound"))){
validate94.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema55.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate94.errors = vErrors;
return errors === 0;
}


function validate89(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetInstalledCertificateIds.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate89.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "certificateHashData") || (key0 === "status"))){
validate89.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.certificateHashData !== undefined){
let data0 = data.certificateHashData;
const _errs2 = errors;
if(errors === _errs2){
if(Array.isArray(data0)){
if(data0.length < 1){
validate89.errors = [{instancePath:instancePath+"/certificateHashData",schemaPath:"#/properties/certificateHashData/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs4 = errors;
if(!(validate90(data0[i0], {instancePath:instancePath+"/certificateHashData/" + i0,parentData:data0,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate90.errors : vErrors.concat(validate90.errors);
errors = vErrors.length;
}
var valid1 = _errs4 === errors;
if(!valid1){
break;
}
}
}
}
else {
validate89.errors = [{instancePath:instancePath+"/certificateHashData",schemaPath:"#/properties/certificateHashData/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.status !== undefined){
const _errs5 = errors;
if(!(validate94(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate94.errors : vErrors.concat(validate94.errors);
errors = vErrors.length;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate89.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate89.errors = vErrors;
return errors === 0;
}

export const GetLocalListVersionRequest = validate96;
const schema56 = {"$id":"urn:GetLocalListVersion.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate96(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetLocalListVersion.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate96.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate96.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate96.errors = vErrors;
return errors === 0;
}

export const GetLocalListVersionResponse = validate97;
const schema57 = {"$id":"urn:GetLocalListVersion.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"listVersion":{"type":"integer"}},"required":["listVersion"],"type":"object"};

function validate97(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetLocalListVersion.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.listVersion === undefined) && (missing0 = "listVersion")){
validate97.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "listVersion")){
validate97.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.listVersion !== undefined){
let data0 = data.listVersion;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate97.errors = [{instancePath:instancePath+"/listVersion",schemaPath:"#/properties/listVersion/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
}
}
}
}
else {
validate97.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate97.errors = vErrors;
return errors === 0;
}

export const GetLogRequest = validate98;
const schema58 = {"$id":"urn:GetLog.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"LogEnumType":{"type":"string","enum":["DiagnosticsLog","SecurityLog"]},"LogParametersType":{"type":"object","additionalProperties":false,"properties":{"remoteLocation":{"type":"string","maxLength":512},"oldestTimestamp":{"type":"string","format":"date-time"},"latestTimestamp":{"type":"string","format":"date-time"}},"required":["remoteLocation"]}},"properties":{"log":{"$ref":"#/definitions/LogParametersType"},"logType":{"$ref":"#/definitions/LogEnumType"},"requestId":{"type":"integer"},"retries":{"type":"integer"},"retryInterval":{"type":"integer"}},"required":["logType","requestId","log"],"type":"object"};
const schema59 = {"type":"object","additionalProperties":false,"properties":{"remoteLocation":{"type":"string","maxLength":512},"oldestTimestamp":{"type":"string","format":"date-time"},"latestTimestamp":{"type":"string","format":"date-time"}},"required":["remoteLocation"]};

function validate99(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.remoteLocation === undefined) && (missing0 = "remoteLocation")){
validate99.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "remoteLocation") || (key0 === "oldestTimestamp")) || (key0 === "latestTimestamp"))){
validate99.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.remoteLocation !== undefined){
let data0 = data.remoteLocation;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 512){
validate99.errors = [{instancePath:instancePath+"/remoteLocation",schemaPath:"#/properties/remoteLocation/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"}];
return false;
}
}
else {
validate99.errors = [{instancePath:instancePath+"/remoteLocation",schemaPath:"#/properties/remoteLocation/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.oldestTimestamp !== undefined){
let data1 = data.oldestTimestamp;
const _errs4 = errors;
if(errors === _errs4){
if(errors === _errs4){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate99.errors = [{instancePath:instancePath+"/oldestTimestamp",schemaPath:"#/properties/oldestTimestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate99.errors = [{instancePath:instancePath+"/oldestTimestamp",schemaPath:"#/properties/oldestTimestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latestTimestamp !== undefined){
let data2 = data.latestTimestamp;
const _errs6 = errors;
if(errors === _errs6){
if(errors === _errs6){
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
validate99.errors = [{instancePath:instancePath+"/latestTimestamp",schemaPath:"#/properties/latestTimestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate99.errors = [{instancePath:instancePath+"/latestTimestamp",schemaPath:"#/properties/latestTimestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate99.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate99.errors = vErrors;
return errors === 0;
}

const schema60 = {"type":"string","enum":["DiagnosticsLog","SecurityLog"]};

function validate101(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate101.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "DiagnosticsLog") || (data === "SecurityLog"))){
validate101.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema60.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate101.errors = vErrors;
return errors === 0;
}


function validate98(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetLog.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.logType === undefined) && (missing0 = "logType")) || ((data.requestId === undefined) && (missing0 = "requestId"))) || ((data.log === undefined) && (missing0 = "log"))){
validate98.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "log") || (key0 === "logType")) || (key0 === "requestId")) || (key0 === "retries")) || (key0 === "retryInterval"))){
validate98.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.log !== undefined){
const _errs2 = errors;
if(!(validate99(data.log, {instancePath:instancePath+"/log",parentData:data,parentDataProperty:"log",rootData}))){
vErrors = vErrors === null ? validate99.errors : vErrors.concat(validate99.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.logType !== undefined){
const _errs3 = errors;
if(!(validate101(data.logType, {instancePath:instancePath+"/logType",parentData:data,parentDataProperty:"logType",rootData}))){
vErrors = vErrors === null ? validate101.errors : vErrors.concat(validate101.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requestId !== undefined){
let data2 = data.requestId;
const _errs4 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate98.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retries !== undefined){
let data3 = data.retries;
const _errs6 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate98.errors = [{instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retryInterval !== undefined){
let data4 = data.retryInterval;
const _errs8 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate98.errors = [{instancePath:instancePath+"/retryInterval",schemaPath:"#/properties/retryInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate98.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate98.errors = vErrors;
return errors === 0;
}

export const GetLogResponse = validate103;
const schema61 = {"$id":"urn:GetLog.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"LogStatusEnumType":{"type":"string","enum":["Accepted","Rejected","AcceptedCanceled"]}},"properties":{"status":{"$ref":"#/definitions/LogStatusEnumType"},"filename":{"type":"string","maxLength":255}},"required":["status"],"type":"object"};
const schema62 = {"type":"string","enum":["Accepted","Rejected","AcceptedCanceled"]};

function validate104(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate104.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "Accepted") || (data === "Rejected")) || (data === "AcceptedCanceled"))){
validate104.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema62.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate104.errors = vErrors;
return errors === 0;
}


function validate103(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:GetLog.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate103.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "status") || (key0 === "filename"))){
validate103.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
const _errs2 = errors;
if(!(validate104(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate104.errors : vErrors.concat(validate104.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.filename !== undefined){
let data1 = data.filename;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(func4(data1) > 255){
validate103.errors = [{instancePath:instancePath+"/filename",schemaPath:"#/properties/filename/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"}];
return false;
}
}
else {
validate103.errors = [{instancePath:instancePath+"/filename",schemaPath:"#/properties/filename/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate103.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate103.errors = vErrors;
return errors === 0;
}

export const HeartbeatRequest = validate106;
const schema63 = {"$id":"urn:Heartbeat.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate106(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:Heartbeat.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate106.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate106.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate106.errors = vErrors;
return errors === 0;
}

export const HeartbeatResponse = validate107;
const schema64 = {"$id":"urn:Heartbeat.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"currentTime":{"type":"string","format":"date-time"}},"required":["currentTime"],"type":"object"};

function validate107(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:Heartbeat.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.currentTime === undefined) && (missing0 = "currentTime")){
validate107.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "currentTime")){
validate107.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.currentTime !== undefined){
let data0 = data.currentTime;
const _errs2 = errors;
if(errors === _errs2){
if(errors === _errs2){
if(typeof data0 === "string"){
if(!(formats0.validate(data0))){
validate107.errors = [{instancePath:instancePath+"/currentTime",schemaPath:"#/properties/currentTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate107.errors = [{instancePath:instancePath+"/currentTime",schemaPath:"#/properties/currentTime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
}
}
else {
validate107.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate107.errors = vErrors;
return errors === 0;
}

export const InstallCertificateRequest = validate108;
const schema65 = {"$id":"urn:InstallCertificate.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"CertificateUseEnumType":{"type":"string","enum":["CentralSystemRootCertificate","ManufacturerRootCertificate"]}},"properties":{"certificateType":{"$ref":"#/definitions/CertificateUseEnumType"},"certificate":{"type":"string","maxLength":5500}},"required":["certificateType","certificate"],"type":"object"};
const schema66 = {"type":"string","enum":["CentralSystemRootCertificate","ManufacturerRootCertificate"]};

function validate109(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate109.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "CentralSystemRootCertificate") || (data === "ManufacturerRootCertificate"))){
validate109.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema66.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate109.errors = vErrors;
return errors === 0;
}


function validate108(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:InstallCertificate.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.certificateType === undefined) && (missing0 = "certificateType")) || ((data.certificate === undefined) && (missing0 = "certificate"))){
validate108.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "certificateType") || (key0 === "certificate"))){
validate108.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.certificateType !== undefined){
const _errs2 = errors;
if(!(validate109(data.certificateType, {instancePath:instancePath+"/certificateType",parentData:data,parentDataProperty:"certificateType",rootData}))){
vErrors = vErrors === null ? validate109.errors : vErrors.concat(validate109.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.certificate !== undefined){
let data1 = data.certificate;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(func4(data1) > 5500){
validate108.errors = [{instancePath:instancePath+"/certificate",schemaPath:"#/properties/certificate/maxLength",keyword:"maxLength",params:{limit: 5500},message:"must NOT have more than 5500 characters"}];
return false;
}
}
else {
validate108.errors = [{instancePath:instancePath+"/certificate",schemaPath:"#/properties/certificate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate108.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate108.errors = vErrors;
return errors === 0;
}

export const InstallCertificateResponse = validate111;
const schema67 = {"$id":"urn:InstallCertificate.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"InstallCertificateStatusEnumType":{"type":"string","enum":["Accepted","Failed","Rejected"]}},"properties":{"status":{"$ref":"#/definitions/InstallCertificateStatusEnumType"}},"required":["status"],"type":"object"};
const schema68 = {"type":"string","enum":["Accepted","Failed","Rejected"]};

function validate112(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate112.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data === "Accepted") || (data === "Failed")) || (data === "Rejected"))){
validate112.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema68.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate112.errors = vErrors;
return errors === 0;
}


function validate111(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:InstallCertificate.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate111.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate111.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
if(!(validate112(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate112.errors : vErrors.concat(validate112.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate111.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate111.errors = vErrors;
return errors === 0;
}

export const LogStatusNotificationRequest = validate114;
const schema69 = {"$id":"urn:LogStatusNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"UploadLogStatusEnumType":{"type":"string","enum":["BadMessage","Idle","NotSupportedOperation","PermissionDenied","Uploaded","UploadFailure","Uploading"]}},"properties":{"status":{"$ref":"#/definitions/UploadLogStatusEnumType"},"requestId":{"type":"integer"}},"required":["status"],"type":"object"};
const schema70 = {"type":"string","enum":["BadMessage","Idle","NotSupportedOperation","PermissionDenied","Uploaded","UploadFailure","Uploading"]};

function validate115(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate115.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data === "BadMessage") || (data === "Idle")) || (data === "NotSupportedOperation")) || (data === "PermissionDenied")) || (data === "Uploaded")) || (data === "UploadFailure")) || (data === "Uploading"))){
validate115.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema70.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate115.errors = vErrors;
return errors === 0;
}


function validate114(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:LogStatusNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate114.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "status") || (key0 === "requestId"))){
validate114.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
const _errs2 = errors;
if(!(validate115(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate115.errors : vErrors.concat(validate115.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requestId !== undefined){
let data1 = data.requestId;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate114.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate114.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate114.errors = vErrors;
return errors === 0;
}

export const LogStatusNotificationResponse = validate117;
const schema71 = {"$id":"urn:LogStatusNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"type":"object"};

function validate117(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:LogStatusNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate117.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate117.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate117.errors = vErrors;
return errors === 0;
}

export const MeterValuesRequest = validate118;
const schema72 = {"$id":"urn:MeterValues.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"transactionId":{"type":"integer"},"meterValue":{"type":"array","items":{"type":"object","properties":{"timestamp":{"type":"string","format":"date-time"},"sampledValue":{"type":"array","items":{"type":"object","properties":{"value":{"type":"string"},"context":{"type":"string","enum":["Interruption.Begin","Interruption.End","Sample.Clock","Sample.Periodic","Transaction.Begin","Transaction.End","Trigger","Other"]},"format":{"type":"string","enum":["Raw","SignedData"]},"measurand":{"type":"string","enum":["Energy.Active.Export.Register","Energy.Active.Import.Register","Energy.Reactive.Export.Register","Energy.Reactive.Import.Register","Energy.Active.Export.Interval","Energy.Active.Import.Interval","Energy.Reactive.Export.Interval","Energy.Reactive.Import.Interval","Power.Active.Export","Power.Active.Import","Power.Offered","Power.Reactive.Export","Power.Reactive.Import","Power.Factor","Current.Import","Current.Export","Current.Offered","Voltage","Frequency","Temperature","SoC","RPM"]},"phase":{"type":"string","enum":["L1","L2","L3","N","L1-N","L2-N","L3-N","L1-L2","L2-L3","L3-L1"]},"location":{"type":"string","enum":["Cable","EV","Inlet","Outlet","Body"]},"unit":{"type":"string","enum":["Wh","kWh","varh","kvarh","W","kW","VA","kVA","var","kvar","A","V","K","Celcius","Celsius","Fahrenheit","Percent"]}},"additionalProperties":false,"required":["value"]}}},"additionalProperties":false,"required":["timestamp","sampledValue"]}}},"required":["connectorId","meterValue"],"type":"object"};

function validate118(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:MeterValues.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.meterValue === undefined) && (missing0 = "meterValue"))){
validate118.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "connectorId") || (key0 === "transactionId")) || (key0 === "meterValue"))){
validate118.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate118.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.transactionId !== undefined){
let data1 = data.transactionId;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate118.errors = [{instancePath:instancePath+"/transactionId",schemaPath:"#/properties/transactionId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.meterValue !== undefined){
let data2 = data.meterValue;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
var valid1 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs8 = errors;
if(errors === _errs8){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((data3.timestamp === undefined) && (missing1 = "timestamp")) || ((data3.sampledValue === undefined) && (missing1 = "sampledValue"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0,schemaPath:"#/properties/meterValue/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs10 = errors;
for(const key1 in data3){
if(!((key1 === "timestamp") || (key1 === "sampledValue"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0,schemaPath:"#/properties/meterValue/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs10 === errors){
if(data3.timestamp !== undefined){
let data4 = data3.timestamp;
const _errs11 = errors;
if(errors === _errs11){
if(errors === _errs11){
if(typeof data4 === "string"){
if(!(formats0.validate(data4))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/timestamp",schemaPath:"#/properties/meterValue/items/properties/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/timestamp",schemaPath:"#/properties/meterValue/items/properties/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data3.sampledValue !== undefined){
let data5 = data3.sampledValue;
const _errs13 = errors;
if(errors === _errs13){
if(Array.isArray(data5)){
var valid3 = true;
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
const _errs15 = errors;
if(errors === _errs15){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
let missing2;
if((data6.value === undefined) && (missing2 = "value")){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1,schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs17 = errors;
for(const key2 in data6){
if(!(((((((key2 === "value") || (key2 === "context")) || (key2 === "format")) || (key2 === "measurand")) || (key2 === "phase")) || (key2 === "location")) || (key2 === "unit"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1,schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs17 === errors){
if(data6.value !== undefined){
const _errs18 = errors;
if(typeof data6.value !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/value",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs18 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.context !== undefined){
let data8 = data6.context;
const _errs20 = errors;
if(typeof data8 !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/context",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((data8 === "Interruption.Begin") || (data8 === "Interruption.End")) || (data8 === "Sample.Clock")) || (data8 === "Sample.Periodic")) || (data8 === "Transaction.Begin")) || (data8 === "Transaction.End")) || (data8 === "Trigger")) || (data8 === "Other"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/context",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/context/enum",keyword:"enum",params:{allowedValues: schema72.properties.meterValue.items.properties.sampledValue.items.properties.context.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs20 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.format !== undefined){
let data9 = data6.format;
const _errs22 = errors;
if(typeof data9 !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/format",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data9 === "Raw") || (data9 === "SignedData"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/format",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/format/enum",keyword:"enum",params:{allowedValues: schema72.properties.meterValue.items.properties.sampledValue.items.properties.format.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs22 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.measurand !== undefined){
let data10 = data6.measurand;
const _errs24 = errors;
if(typeof data10 !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/measurand",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/measurand/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((((((((((((((data10 === "Energy.Active.Export.Register") || (data10 === "Energy.Active.Import.Register")) || (data10 === "Energy.Reactive.Export.Register")) || (data10 === "Energy.Reactive.Import.Register")) || (data10 === "Energy.Active.Export.Interval")) || (data10 === "Energy.Active.Import.Interval")) || (data10 === "Energy.Reactive.Export.Interval")) || (data10 === "Energy.Reactive.Import.Interval")) || (data10 === "Power.Active.Export")) || (data10 === "Power.Active.Import")) || (data10 === "Power.Offered")) || (data10 === "Power.Reactive.Export")) || (data10 === "Power.Reactive.Import")) || (data10 === "Power.Factor")) || (data10 === "Current.Import")) || (data10 === "Current.Export")) || (data10 === "Current.Offered")) || (data10 === "Voltage")) || (data10 === "Frequency")) || (data10 === "Temperature")) || (data10 === "SoC")) || (data10 === "RPM"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/measurand",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/measurand/enum",keyword:"enum",params:{allowedValues: schema72.properties.meterValue.items.properties.sampledValue.items.properties.measurand.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs24 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.phase !== undefined){
let data11 = data6.phase;
const _errs26 = errors;
if(typeof data11 !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/phase",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/phase/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((data11 === "L1") || (data11 === "L2")) || (data11 === "L3")) || (data11 === "N")) || (data11 === "L1-N")) || (data11 === "L2-N")) || (data11 === "L3-N")) || (data11 === "L1-L2")) || (data11 === "L2-L3")) || (data11 === "L3-L1"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/phase",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/phase/enum",keyword:"enum",params:{allowedValues: schema72.properties.meterValue.items.properties.sampledValue.items.properties.phase.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.location !== undefined){
let data12 = data6.location;
const _errs28 = errors;
if(typeof data12 !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/location",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data12 === "Cable") || (data12 === "EV")) || (data12 === "Inlet")) || (data12 === "Outlet")) || (data12 === "Body"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/location",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/location/enum",keyword:"enum",params:{allowedValues: schema72.properties.meterValue.items.properties.sampledValue.items.properties.location.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs28 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data6.unit !== undefined){
let data13 = data6.unit;
const _errs30 = errors;
if(typeof data13 !== "string"){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/unit",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/unit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((((((((((((data13 === "Wh") || (data13 === "kWh")) || (data13 === "varh")) || (data13 === "kvarh")) || (data13 === "W")) || (data13 === "kW")) || (data13 === "VA")) || (data13 === "kVA")) || (data13 === "var")) || (data13 === "kvar")) || (data13 === "A")) || (data13 === "V")) || (data13 === "K")) || (data13 === "Celcius")) || (data13 === "Celsius")) || (data13 === "Fahrenheit")) || (data13 === "Percent"))){
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1+"/unit",schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/properties/unit/enum",keyword:"enum",params:{allowedValues: schema72.properties.meterValue.items.properties.sampledValue.items.properties.unit.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs30 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue/" + i1,schemaPath:"#/properties/meterValue/items/properties/sampledValue/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs15 === errors;
if(!valid3){
break;
}
}
}
else {
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0+"/sampledValue",schemaPath:"#/properties/meterValue/items/properties/sampledValue/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate118.errors = [{instancePath:instancePath+"/meterValue/" + i0,schemaPath:"#/properties/meterValue/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs8 === errors;
if(!valid1){
break;
}
}
}
else {
validate118.errors = [{instancePath:instancePath+"/meterValue",schemaPath:"#/properties/meterValue/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate118.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate118.errors = vErrors;
return errors === 0;
}

export const MeterValuesResponse = validate119;
const schema73 = {"$id":"urn:MeterValues.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate119(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:MeterValues.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate119.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate119.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate119.errors = vErrors;
return errors === 0;
}

export const RemoteStartTransactionRequest = validate120;
const schema74 = {"$id":"urn:RemoteStartTransaction.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"idTag":{"type":"string","maxLength":20},"chargingProfile":{"type":"object","properties":{"chargingProfileId":{"type":"integer"},"transactionId":{"type":"integer"},"stackLevel":{"type":"integer"},"chargingProfilePurpose":{"type":"string","enum":["ChargePointMaxProfile","TxDefaultProfile","TxProfile"]},"chargingProfileKind":{"type":"string","enum":["Absolute","Recurring","Relative"]},"recurrencyKind":{"type":"string","enum":["Daily","Weekly"]},"validFrom":{"type":"string","format":"date-time"},"validTo":{"type":"string","format":"date-time"},"chargingSchedule":{"type":"object","properties":{"duration":{"type":"integer"},"startSchedule":{"type":"string","format":"date-time"},"chargingRateUnit":{"type":"string","enum":["A","W"]},"chargingSchedulePeriod":{"type":"array","items":{"type":"object","properties":{"startPeriod":{"type":"integer"},"limit":{"type":"number","multipleOf":0.1},"numberPhases":{"type":"integer"}},"additionalProperties":false,"required":["startPeriod","limit"]}},"minChargingRate":{"type":"number","multipleOf":0.1}},"additionalProperties":false,"required":["chargingRateUnit","chargingSchedulePeriod"]}},"additionalProperties":false,"required":["chargingProfileId","stackLevel","chargingProfilePurpose","chargingProfileKind","chargingSchedule"]}},"required":["idTag"],"type":"object"};

function validate120(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:RemoteStartTransaction.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.idTag === undefined) && (missing0 = "idTag")){
validate120.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "connectorId") || (key0 === "idTag")) || (key0 === "chargingProfile"))){
validate120.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate120.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idTag !== undefined){
let data1 = data.idTag;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func4(data1) > 20){
validate120.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate120.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.chargingProfile !== undefined){
let data2 = data.chargingProfile;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((((((data2.chargingProfileId === undefined) && (missing1 = "chargingProfileId")) || ((data2.stackLevel === undefined) && (missing1 = "stackLevel"))) || ((data2.chargingProfilePurpose === undefined) && (missing1 = "chargingProfilePurpose"))) || ((data2.chargingProfileKind === undefined) && (missing1 = "chargingProfileKind"))) || ((data2.chargingSchedule === undefined) && (missing1 = "chargingSchedule"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile",schemaPath:"#/properties/chargingProfile/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs8 = errors;
for(const key1 in data2){
if(!(func6.call(schema74.properties.chargingProfile.properties, key1))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile",schemaPath:"#/properties/chargingProfile/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs8 === errors){
if(data2.chargingProfileId !== undefined){
let data3 = data2.chargingProfileId;
const _errs9 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingProfileId",schemaPath:"#/properties/chargingProfile/properties/chargingProfileId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.transactionId !== undefined){
let data4 = data2.transactionId;
const _errs11 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/transactionId",schemaPath:"#/properties/chargingProfile/properties/transactionId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs11 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.stackLevel !== undefined){
let data5 = data2.stackLevel;
const _errs13 = errors;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/stackLevel",schemaPath:"#/properties/chargingProfile/properties/stackLevel/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs13 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.chargingProfilePurpose !== undefined){
let data6 = data2.chargingProfilePurpose;
const _errs15 = errors;
if(typeof data6 !== "string"){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingProfilePurpose",schemaPath:"#/properties/chargingProfile/properties/chargingProfilePurpose/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data6 === "ChargePointMaxProfile") || (data6 === "TxDefaultProfile")) || (data6 === "TxProfile"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingProfilePurpose",schemaPath:"#/properties/chargingProfile/properties/chargingProfilePurpose/enum",keyword:"enum",params:{allowedValues: schema74.properties.chargingProfile.properties.chargingProfilePurpose.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs15 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.chargingProfileKind !== undefined){
let data7 = data2.chargingProfileKind;
const _errs17 = errors;
if(typeof data7 !== "string"){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingProfileKind",schemaPath:"#/properties/chargingProfile/properties/chargingProfileKind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data7 === "Absolute") || (data7 === "Recurring")) || (data7 === "Relative"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingProfileKind",schemaPath:"#/properties/chargingProfile/properties/chargingProfileKind/enum",keyword:"enum",params:{allowedValues: schema74.properties.chargingProfile.properties.chargingProfileKind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs17 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.recurrencyKind !== undefined){
let data8 = data2.recurrencyKind;
const _errs19 = errors;
if(typeof data8 !== "string"){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/recurrencyKind",schemaPath:"#/properties/chargingProfile/properties/recurrencyKind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data8 === "Daily") || (data8 === "Weekly"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/recurrencyKind",schemaPath:"#/properties/chargingProfile/properties/recurrencyKind/enum",keyword:"enum",params:{allowedValues: schema74.properties.chargingProfile.properties.recurrencyKind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs19 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.validFrom !== undefined){
let data9 = data2.validFrom;
const _errs21 = errors;
if(errors === _errs21){
if(errors === _errs21){
if(typeof data9 === "string"){
if(!(formats0.validate(data9))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/validFrom",schemaPath:"#/properties/chargingProfile/properties/validFrom/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/validFrom",schemaPath:"#/properties/chargingProfile/properties/validFrom/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs21 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.validTo !== undefined){
let data10 = data2.validTo;
const _errs23 = errors;
if(errors === _errs23){
if(errors === _errs23){
if(typeof data10 === "string"){
if(!(formats0.validate(data10))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/validTo",schemaPath:"#/properties/chargingProfile/properties/validTo/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/validTo",schemaPath:"#/properties/chargingProfile/properties/validTo/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs23 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data2.chargingSchedule !== undefined){
let data11 = data2.chargingSchedule;
const _errs25 = errors;
if(errors === _errs25){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
let missing2;
if(((data11.chargingRateUnit === undefined) && (missing2 = "chargingRateUnit")) || ((data11.chargingSchedulePeriod === undefined) && (missing2 = "chargingSchedulePeriod"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs27 = errors;
for(const key2 in data11){
if(!(((((key2 === "duration") || (key2 === "startSchedule")) || (key2 === "chargingRateUnit")) || (key2 === "chargingSchedulePeriod")) || (key2 === "minChargingRate"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs27 === errors){
if(data11.duration !== undefined){
let data12 = data11.duration;
const _errs28 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/duration",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/duration/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs28 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data11.startSchedule !== undefined){
let data13 = data11.startSchedule;
const _errs30 = errors;
if(errors === _errs30){
if(errors === _errs30){
if(typeof data13 === "string"){
if(!(formats0.validate(data13))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/startSchedule",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/startSchedule/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/startSchedule",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/startSchedule/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data11.chargingRateUnit !== undefined){
let data14 = data11.chargingRateUnit;
const _errs32 = errors;
if(typeof data14 !== "string"){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingRateUnit",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingRateUnit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data14 === "A") || (data14 === "W"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingRateUnit",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingRateUnit/enum",keyword:"enum",params:{allowedValues: schema74.properties.chargingProfile.properties.chargingSchedule.properties.chargingRateUnit.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs32 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data11.chargingSchedulePeriod !== undefined){
let data15 = data11.chargingSchedulePeriod;
const _errs34 = errors;
if(errors === _errs34){
if(Array.isArray(data15)){
var valid3 = true;
const len0 = data15.length;
for(let i0=0; i0<len0; i0++){
let data16 = data15[i0];
const _errs36 = errors;
if(errors === _errs36){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
let missing3;
if(((data16.startPeriod === undefined) && (missing3 = "startPeriod")) || ((data16.limit === undefined) && (missing3 = "limit"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs38 = errors;
for(const key3 in data16){
if(!(((key3 === "startPeriod") || (key3 === "limit")) || (key3 === "numberPhases"))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs38 === errors){
if(data16.startPeriod !== undefined){
let data17 = data16.startPeriod;
const _errs39 = errors;
if(!(((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17))) && (isFinite(data17)))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0+"/startPeriod",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/startPeriod/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs39 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data16.limit !== undefined){
let data18 = data16.limit;
const _errs41 = errors;
if(errors === _errs41){
if((typeof data18 == "number") && (isFinite(data18))){
let res0;
if((0.1 === 0 || (res0 = data18/0.1, Math.abs(Math.round(res0) - res0) > 1e-6))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0+"/limit",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/limit/multipleOf",keyword:"multipleOf",params:{multipleOf: 0.1},message:"must be multiple of 0.1"}];
return false;
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0+"/limit",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/limit/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid4 = _errs41 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data16.numberPhases !== undefined){
let data19 = data16.numberPhases;
const _errs43 = errors;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0+"/numberPhases",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/numberPhases/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs43 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs36 === errors;
if(!valid3){
break;
}
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/chargingSchedulePeriod",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/chargingSchedulePeriod/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs34 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data11.minChargingRate !== undefined){
let data20 = data11.minChargingRate;
const _errs45 = errors;
if(errors === _errs45){
if((typeof data20 == "number") && (isFinite(data20))){
let res1;
if((0.1 === 0 || (res1 = data20/0.1, Math.abs(Math.round(res1) - res1) > 1e-6))){
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/minChargingRate",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/minChargingRate/multipleOf",keyword:"multipleOf",params:{multipleOf: 0.1},message:"must be multiple of 0.1"}];
return false;
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule/minChargingRate",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/properties/minChargingRate/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs45 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile/chargingSchedule",schemaPath:"#/properties/chargingProfile/properties/chargingSchedule/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs25 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate120.errors = [{instancePath:instancePath+"/chargingProfile",schemaPath:"#/properties/chargingProfile/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate120.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate120.errors = vErrors;
return errors === 0;
}

export const RemoteStartTransactionResponse = validate121;
const schema75 = {"$id":"urn:RemoteStartTransaction.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected"]}},"required":["status"],"type":"object"};

function validate121(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:RemoteStartTransaction.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate121.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate121.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate121.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Rejected"))){
validate121.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema75.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate121.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate121.errors = vErrors;
return errors === 0;
}

export const RemoteStopTransactionRequest = validate122;
const schema76 = {"$id":"urn:RemoteStopTransaction.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"transactionId":{"type":"integer"}},"required":["transactionId"],"type":"object"};

function validate122(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:RemoteStopTransaction.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.transactionId === undefined) && (missing0 = "transactionId")){
validate122.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "transactionId")){
validate122.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.transactionId !== undefined){
let data0 = data.transactionId;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate122.errors = [{instancePath:instancePath+"/transactionId",schemaPath:"#/properties/transactionId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
}
}
}
}
else {
validate122.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate122.errors = vErrors;
return errors === 0;
}

export const RemoteStopTransactionResponse = validate123;
const schema77 = {"$id":"urn:RemoteStopTransaction.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected"]}},"required":["status"],"type":"object"};

function validate123(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:RemoteStopTransaction.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate123.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate123.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate123.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Rejected"))){
validate123.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema77.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate123.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate123.errors = vErrors;
return errors === 0;
}

export const ReserveNowRequest = validate124;
const schema78 = {"$id":"urn:ReserveNow.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"expiryDate":{"type":"string","format":"date-time"},"idTag":{"type":"string","maxLength":20},"parentIdTag":{"type":"string","maxLength":20},"reservationId":{"type":"integer"}},"required":["connectorId","expiryDate","idTag","reservationId"],"type":"object"};

function validate124(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ReserveNow.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.expiryDate === undefined) && (missing0 = "expiryDate"))) || ((data.idTag === undefined) && (missing0 = "idTag"))) || ((data.reservationId === undefined) && (missing0 = "reservationId"))){
validate124.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "connectorId") || (key0 === "expiryDate")) || (key0 === "idTag")) || (key0 === "parentIdTag")) || (key0 === "reservationId"))){
validate124.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate124.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.expiryDate !== undefined){
let data1 = data.expiryDate;
const _errs4 = errors;
if(errors === _errs4){
if(errors === _errs4){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate124.errors = [{instancePath:instancePath+"/expiryDate",schemaPath:"#/properties/expiryDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate124.errors = [{instancePath:instancePath+"/expiryDate",schemaPath:"#/properties/expiryDate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idTag !== undefined){
let data2 = data.idTag;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(func4(data2) > 20){
validate124.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate124.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.parentIdTag !== undefined){
let data3 = data.parentIdTag;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data3 === "string"){
if(func4(data3) > 20){
validate124.errors = [{instancePath:instancePath+"/parentIdTag",schemaPath:"#/properties/parentIdTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate124.errors = [{instancePath:instancePath+"/parentIdTag",schemaPath:"#/properties/parentIdTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reservationId !== undefined){
let data4 = data.reservationId;
const _errs10 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate124.errors = [{instancePath:instancePath+"/reservationId",schemaPath:"#/properties/reservationId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate124.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate124.errors = vErrors;
return errors === 0;
}

export const ReserveNowResponse = validate125;
const schema79 = {"$id":"urn:ReserveNow.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Faulted","Occupied","Rejected","Unavailable"]}},"required":["status"],"type":"object"};

function validate125(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:ReserveNow.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate125.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate125.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate125.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data0 === "Accepted") || (data0 === "Faulted")) || (data0 === "Occupied")) || (data0 === "Rejected")) || (data0 === "Unavailable"))){
validate125.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema79.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate125.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate125.errors = vErrors;
return errors === 0;
}

export const ResetRequest = validate126;
const schema80 = {"$id":"urn:Reset.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"type":{"type":"string","enum":["Hard","Soft"]}},"required":["type"],"type":"object"};

function validate126(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:Reset.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
validate126.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "type")){
validate126.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
validate126.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Hard") || (data0 === "Soft"))){
validate126.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema80.properties.type.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate126.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate126.errors = vErrors;
return errors === 0;
}

export const ResetResponse = validate127;
const schema81 = {"$id":"urn:Reset.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected"]}},"required":["status"],"type":"object"};

function validate127(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:Reset.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate127.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate127.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate127.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data0 === "Accepted") || (data0 === "Rejected"))){
validate127.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema81.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate127.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate127.errors = vErrors;
return errors === 0;
}

export const SecurityEventNotificationRequest = validate128;
const schema82 = {"$id":"urn:SecurityEventNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"type":{"type":"string","maxLength":50},"timestamp":{"type":"string","format":"date-time"},"techInfo":{"type":"string","maxLength":255}},"required":["type","timestamp"],"type":"object"};

function validate128(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SecurityEventNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.type === undefined) && (missing0 = "type")) || ((data.timestamp === undefined) && (missing0 = "timestamp"))){
validate128.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "timestamp")) || (key0 === "techInfo"))){
validate128.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.type !== undefined){
let data0 = data.type;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 50){
validate128.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate128.errors = [{instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timestamp !== undefined){
let data1 = data.timestamp;
const _errs4 = errors;
if(errors === _errs4){
if(errors === _errs4){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate128.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate128.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.techInfo !== undefined){
let data2 = data.techInfo;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(func4(data2) > 255){
validate128.errors = [{instancePath:instancePath+"/techInfo",schemaPath:"#/properties/techInfo/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"}];
return false;
}
}
else {
validate128.errors = [{instancePath:instancePath+"/techInfo",schemaPath:"#/properties/techInfo/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate128.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate128.errors = vErrors;
return errors === 0;
}

export const SecurityEventNotificationResponse = validate129;
const schema83 = {"$id":"urn:SecurityEventNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"type":"object"};

function validate129(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SecurityEventNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate129.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate129.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate129.errors = vErrors;
return errors === 0;
}

export const SendLocalListRequest = validate130;
const schema84 = {"$id":"urn:SendLocalList.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"listVersion":{"type":"integer"},"localAuthorizationList":{"type":"array","items":{"type":"object","properties":{"idTag":{"type":"string","maxLength":20},"idTagInfo":{"type":"object","properties":{"expiryDate":{"type":"string","format":"date-time"},"parentIdTag":{"type":"string","maxLength":20},"status":{"type":"string","enum":["Accepted","Blocked","Expired","Invalid","ConcurrentTx"]}},"additionalProperties":false,"required":["status"]}},"additionalProperties":false,"required":["idTag"]}},"updateType":{"type":"string","enum":["Differential","Full"]}},"required":["listVersion","updateType"],"type":"object"};

function validate130(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SendLocalList.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.listVersion === undefined) && (missing0 = "listVersion")) || ((data.updateType === undefined) && (missing0 = "updateType"))){
validate130.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "listVersion") || (key0 === "localAuthorizationList")) || (key0 === "updateType"))){
validate130.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.listVersion !== undefined){
let data0 = data.listVersion;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate130.errors = [{instancePath:instancePath+"/listVersion",schemaPath:"#/properties/listVersion/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.localAuthorizationList !== undefined){
let data1 = data.localAuthorizationList;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
var valid1 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((data2.idTag === undefined) && (missing1 = "idTag")){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0,schemaPath:"#/properties/localAuthorizationList/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs8 = errors;
for(const key1 in data2){
if(!((key1 === "idTag") || (key1 === "idTagInfo"))){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0,schemaPath:"#/properties/localAuthorizationList/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs8 === errors){
if(data2.idTag !== undefined){
let data3 = data2.idTag;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(func4(data3) > 20){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTag",schemaPath:"#/properties/localAuthorizationList/items/properties/idTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTag",schemaPath:"#/properties/localAuthorizationList/items/properties/idTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.idTagInfo !== undefined){
let data4 = data2.idTagInfo;
const _errs11 = errors;
if(errors === _errs11){
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
let missing2;
if((data4.status === undefined) && (missing2 = "status")){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs13 = errors;
for(const key2 in data4){
if(!(((key2 === "expiryDate") || (key2 === "parentIdTag")) || (key2 === "status"))){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs13 === errors){
if(data4.expiryDate !== undefined){
let data5 = data4.expiryDate;
const _errs14 = errors;
if(errors === _errs14){
if(errors === _errs14){
if(typeof data5 === "string"){
if(!(formats0.validate(data5))){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo/expiryDate",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/properties/expiryDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo/expiryDate",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/properties/expiryDate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid3 = _errs14 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.parentIdTag !== undefined){
let data6 = data4.parentIdTag;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data6 === "string"){
if(func4(data6) > 20){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo/parentIdTag",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/properties/parentIdTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo/parentIdTag",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/properties/parentIdTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid3 = _errs16 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data4.status !== undefined){
let data7 = data4.status;
const _errs18 = errors;
if(typeof data7 !== "string"){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo/status",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data7 === "Accepted") || (data7 === "Blocked")) || (data7 === "Expired")) || (data7 === "Invalid")) || (data7 === "ConcurrentTx"))){
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo/status",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/properties/status/enum",keyword:"enum",params:{allowedValues: schema84.properties.localAuthorizationList.items.properties.idTagInfo.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid3 = _errs18 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
else {
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0+"/idTagInfo",schemaPath:"#/properties/localAuthorizationList/items/properties/idTagInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList/" + i0,schemaPath:"#/properties/localAuthorizationList/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs6 === errors;
if(!valid1){
break;
}
}
}
else {
validate130.errors = [{instancePath:instancePath+"/localAuthorizationList",schemaPath:"#/properties/localAuthorizationList/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.updateType !== undefined){
let data8 = data.updateType;
const _errs20 = errors;
if(typeof data8 !== "string"){
validate130.errors = [{instancePath:instancePath+"/updateType",schemaPath:"#/properties/updateType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data8 === "Differential") || (data8 === "Full"))){
validate130.errors = [{instancePath:instancePath+"/updateType",schemaPath:"#/properties/updateType/enum",keyword:"enum",params:{allowedValues: schema84.properties.updateType.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate130.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate130.errors = vErrors;
return errors === 0;
}

export const SendLocalListResponse = validate131;
const schema85 = {"$id":"urn:SendLocalList.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Failed","NotSupported","VersionMismatch"]}},"required":["status"],"type":"object"};

function validate131(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SendLocalList.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate131.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate131.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate131.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((data0 === "Accepted") || (data0 === "Failed")) || (data0 === "NotSupported")) || (data0 === "VersionMismatch"))){
validate131.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema85.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate131.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate131.errors = vErrors;
return errors === 0;
}

export const SetChargingProfileRequest = validate132;
const schema86 = {"$id":"urn:SetChargingProfile.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"csChargingProfiles":{"type":"object","properties":{"chargingProfileId":{"type":"integer"},"transactionId":{"type":"integer"},"stackLevel":{"type":"integer"},"chargingProfilePurpose":{"type":"string","enum":["ChargePointMaxProfile","TxDefaultProfile","TxProfile"]},"chargingProfileKind":{"type":"string","enum":["Absolute","Recurring","Relative"]},"recurrencyKind":{"type":"string","enum":["Daily","Weekly"]},"validFrom":{"type":"string","format":"date-time"},"validTo":{"type":"string","format":"date-time"},"chargingSchedule":{"type":"object","properties":{"duration":{"type":"integer"},"startSchedule":{"type":"string","format":"date-time"},"chargingRateUnit":{"type":"string","enum":["A","W"]},"chargingSchedulePeriod":{"type":"array","items":{"type":"object","properties":{"startPeriod":{"type":"integer"},"limit":{"type":"number","multipleOf":0.1},"numberPhases":{"type":"integer"}},"additionalProperties":false,"required":["startPeriod","limit"]}},"minChargingRate":{"type":"number","multipleOf":0.1}},"additionalProperties":false,"required":["chargingRateUnit","chargingSchedulePeriod"]}},"additionalProperties":false,"required":["chargingProfileId","stackLevel","chargingProfilePurpose","chargingProfileKind","chargingSchedule"]}},"required":["connectorId","csChargingProfiles"],"type":"object"};

function validate132(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SetChargingProfile.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.csChargingProfiles === undefined) && (missing0 = "csChargingProfiles"))){
validate132.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "connectorId") || (key0 === "csChargingProfiles"))){
validate132.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate132.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.csChargingProfiles !== undefined){
let data1 = data.csChargingProfiles;
const _errs4 = errors;
if(errors === _errs4){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((((((data1.chargingProfileId === undefined) && (missing1 = "chargingProfileId")) || ((data1.stackLevel === undefined) && (missing1 = "stackLevel"))) || ((data1.chargingProfilePurpose === undefined) && (missing1 = "chargingProfilePurpose"))) || ((data1.chargingProfileKind === undefined) && (missing1 = "chargingProfileKind"))) || ((data1.chargingSchedule === undefined) && (missing1 = "chargingSchedule"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles",schemaPath:"#/properties/csChargingProfiles/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs6 = errors;
for(const key1 in data1){
if(!(func6.call(schema86.properties.csChargingProfiles.properties, key1))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles",schemaPath:"#/properties/csChargingProfiles/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs6 === errors){
if(data1.chargingProfileId !== undefined){
let data2 = data1.chargingProfileId;
const _errs7 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingProfileId",schemaPath:"#/properties/csChargingProfiles/properties/chargingProfileId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.transactionId !== undefined){
let data3 = data1.transactionId;
const _errs9 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/transactionId",schemaPath:"#/properties/csChargingProfiles/properties/transactionId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.stackLevel !== undefined){
let data4 = data1.stackLevel;
const _errs11 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/stackLevel",schemaPath:"#/properties/csChargingProfiles/properties/stackLevel/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid1 = _errs11 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.chargingProfilePurpose !== undefined){
let data5 = data1.chargingProfilePurpose;
const _errs13 = errors;
if(typeof data5 !== "string"){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingProfilePurpose",schemaPath:"#/properties/csChargingProfiles/properties/chargingProfilePurpose/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data5 === "ChargePointMaxProfile") || (data5 === "TxDefaultProfile")) || (data5 === "TxProfile"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingProfilePurpose",schemaPath:"#/properties/csChargingProfiles/properties/chargingProfilePurpose/enum",keyword:"enum",params:{allowedValues: schema86.properties.csChargingProfiles.properties.chargingProfilePurpose.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs13 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.chargingProfileKind !== undefined){
let data6 = data1.chargingProfileKind;
const _errs15 = errors;
if(typeof data6 !== "string"){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingProfileKind",schemaPath:"#/properties/csChargingProfiles/properties/chargingProfileKind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data6 === "Absolute") || (data6 === "Recurring")) || (data6 === "Relative"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingProfileKind",schemaPath:"#/properties/csChargingProfiles/properties/chargingProfileKind/enum",keyword:"enum",params:{allowedValues: schema86.properties.csChargingProfiles.properties.chargingProfileKind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs15 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.recurrencyKind !== undefined){
let data7 = data1.recurrencyKind;
const _errs17 = errors;
if(typeof data7 !== "string"){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/recurrencyKind",schemaPath:"#/properties/csChargingProfiles/properties/recurrencyKind/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data7 === "Daily") || (data7 === "Weekly"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/recurrencyKind",schemaPath:"#/properties/csChargingProfiles/properties/recurrencyKind/enum",keyword:"enum",params:{allowedValues: schema86.properties.csChargingProfiles.properties.recurrencyKind.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs17 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.validFrom !== undefined){
let data8 = data1.validFrom;
const _errs19 = errors;
if(errors === _errs19){
if(errors === _errs19){
if(typeof data8 === "string"){
if(!(formats0.validate(data8))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/validFrom",schemaPath:"#/properties/csChargingProfiles/properties/validFrom/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/validFrom",schemaPath:"#/properties/csChargingProfiles/properties/validFrom/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs19 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.validTo !== undefined){
let data9 = data1.validTo;
const _errs21 = errors;
if(errors === _errs21){
if(errors === _errs21){
if(typeof data9 === "string"){
if(!(formats0.validate(data9))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/validTo",schemaPath:"#/properties/csChargingProfiles/properties/validTo/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/validTo",schemaPath:"#/properties/csChargingProfiles/properties/validTo/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs21 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data1.chargingSchedule !== undefined){
let data10 = data1.chargingSchedule;
const _errs23 = errors;
if(errors === _errs23){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing2;
if(((data10.chargingRateUnit === undefined) && (missing2 = "chargingRateUnit")) || ((data10.chargingSchedulePeriod === undefined) && (missing2 = "chargingSchedulePeriod"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs25 = errors;
for(const key2 in data10){
if(!(((((key2 === "duration") || (key2 === "startSchedule")) || (key2 === "chargingRateUnit")) || (key2 === "chargingSchedulePeriod")) || (key2 === "minChargingRate"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs25 === errors){
if(data10.duration !== undefined){
let data11 = data10.duration;
const _errs26 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/duration",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/duration/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid2 = _errs26 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data10.startSchedule !== undefined){
let data12 = data10.startSchedule;
const _errs28 = errors;
if(errors === _errs28){
if(errors === _errs28){
if(typeof data12 === "string"){
if(!(formats0.validate(data12))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/startSchedule",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/startSchedule/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/startSchedule",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/startSchedule/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs28 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data10.chargingRateUnit !== undefined){
let data13 = data10.chargingRateUnit;
const _errs30 = errors;
if(typeof data13 !== "string"){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingRateUnit",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingRateUnit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data13 === "A") || (data13 === "W"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingRateUnit",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingRateUnit/enum",keyword:"enum",params:{allowedValues: schema86.properties.csChargingProfiles.properties.chargingSchedule.properties.chargingRateUnit.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid2 = _errs30 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data10.chargingSchedulePeriod !== undefined){
let data14 = data10.chargingSchedulePeriod;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data14)){
var valid3 = true;
const len0 = data14.length;
for(let i0=0; i0<len0; i0++){
let data15 = data14[i0];
const _errs34 = errors;
if(errors === _errs34){
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
let missing3;
if(((data15.startPeriod === undefined) && (missing3 = "startPeriod")) || ((data15.limit === undefined) && (missing3 = "limit"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs36 = errors;
for(const key3 in data15){
if(!(((key3 === "startPeriod") || (key3 === "limit")) || (key3 === "numberPhases"))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs36 === errors){
if(data15.startPeriod !== undefined){
let data16 = data15.startPeriod;
const _errs37 = errors;
if(!(((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16))) && (isFinite(data16)))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0+"/startPeriod",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/startPeriod/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs37 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data15.limit !== undefined){
let data17 = data15.limit;
const _errs39 = errors;
if(errors === _errs39){
if((typeof data17 == "number") && (isFinite(data17))){
let res0;
if((0.1 === 0 || (res0 = data17/0.1, Math.abs(Math.round(res0) - res0) > 1e-6))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0+"/limit",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/limit/multipleOf",keyword:"multipleOf",params:{multipleOf: 0.1},message:"must be multiple of 0.1"}];
return false;
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0+"/limit",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/limit/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid4 = _errs39 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data15.numberPhases !== undefined){
let data18 = data15.numberPhases;
const _errs41 = errors;
if(!(((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18))) && (isFinite(data18)))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0+"/numberPhases",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/properties/numberPhases/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid4 = _errs41 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/" + i0,schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs34 === errors;
if(!valid3){
break;
}
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/chargingSchedulePeriod",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/chargingSchedulePeriod/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs32 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data10.minChargingRate !== undefined){
let data19 = data10.minChargingRate;
const _errs43 = errors;
if(errors === _errs43){
if((typeof data19 == "number") && (isFinite(data19))){
let res1;
if((0.1 === 0 || (res1 = data19/0.1, Math.abs(Math.round(res1) - res1) > 1e-6))){
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/minChargingRate",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/minChargingRate/multipleOf",keyword:"multipleOf",params:{multipleOf: 0.1},message:"must be multiple of 0.1"}];
return false;
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule/minChargingRate",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/properties/minChargingRate/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid2 = _errs43 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles/chargingSchedule",schemaPath:"#/properties/csChargingProfiles/properties/chargingSchedule/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs23 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate132.errors = [{instancePath:instancePath+"/csChargingProfiles",schemaPath:"#/properties/csChargingProfiles/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate132.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate132.errors = vErrors;
return errors === 0;
}

export const SetChargingProfileResponse = validate133;
const schema87 = {"$id":"urn:SetChargingProfile.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected","NotSupported"]}},"required":["status"],"type":"object"};

function validate133(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SetChargingProfile.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate133.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate133.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate133.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "Accepted") || (data0 === "Rejected")) || (data0 === "NotSupported"))){
validate133.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema87.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate133.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate133.errors = vErrors;
return errors === 0;
}

export const SignCertificateRequest = validate134;
const schema88 = {"$id":"urn:SignCertificate.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"csr":{"type":"string","maxLength":5500}},"required":["csr"],"type":"object"};

function validate134(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SignCertificate.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.csr === undefined) && (missing0 = "csr")){
validate134.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "csr")){
validate134.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.csr !== undefined){
let data0 = data.csr;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 5500){
validate134.errors = [{instancePath:instancePath+"/csr",schemaPath:"#/properties/csr/maxLength",keyword:"maxLength",params:{limit: 5500},message:"must NOT have more than 5500 characters"}];
return false;
}
}
else {
validate134.errors = [{instancePath:instancePath+"/csr",schemaPath:"#/properties/csr/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
}
else {
validate134.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate134.errors = vErrors;
return errors === 0;
}

export const SignCertificateResponse = validate135;
const schema89 = {"$id":"urn:SignCertificate.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"GenericStatusEnumType":{"type":"string","enum":["Accepted","Rejected"]}},"properties":{"status":{"$ref":"#/definitions/GenericStatusEnumType"}},"required":["status"],"type":"object"};
const schema90 = {"type":"string","enum":["Accepted","Rejected"]};

function validate136(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate136.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data === "Accepted") || (data === "Rejected"))){
validate136.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema90.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate136.errors = vErrors;
return errors === 0;
}


function validate135(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SignCertificate.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate135.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate135.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
if(!(validate136(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate136.errors : vErrors.concat(validate136.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate135.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate135.errors = vErrors;
return errors === 0;
}

export const SignedFirmwareStatusNotificationRequest = validate138;
const schema91 = {"$id":"urn:SignedFirmwareStatusNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"FirmwareStatusEnumType":{"type":"string","enum":["Downloaded","DownloadFailed","Downloading","DownloadScheduled","DownloadPaused","Idle","InstallationFailed","Installing","Installed","InstallRebooting","InstallScheduled","InstallVerificationFailed","InvalidSignature","SignatureVerified"]}},"properties":{"status":{"$ref":"#/definitions/FirmwareStatusEnumType"},"requestId":{"type":"integer"}},"required":["status"],"type":"object"};
const schema92 = {"type":"string","enum":["Downloaded","DownloadFailed","Downloading","DownloadScheduled","DownloadPaused","Idle","InstallationFailed","Installing","Installed","InstallRebooting","InstallScheduled","InstallVerificationFailed","InvalidSignature","SignatureVerified"]};

function validate139(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate139.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((((((data === "Downloaded") || (data === "DownloadFailed")) || (data === "Downloading")) || (data === "DownloadScheduled")) || (data === "DownloadPaused")) || (data === "Idle")) || (data === "InstallationFailed")) || (data === "Installing")) || (data === "Installed")) || (data === "InstallRebooting")) || (data === "InstallScheduled")) || (data === "InstallVerificationFailed")) || (data === "InvalidSignature")) || (data === "SignatureVerified"))){
validate139.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema92.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate139.errors = vErrors;
return errors === 0;
}


function validate138(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SignedFirmwareStatusNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate138.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "status") || (key0 === "requestId"))){
validate138.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
const _errs2 = errors;
if(!(validate139(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate139.errors : vErrors.concat(validate139.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requestId !== undefined){
let data1 = data.requestId;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate138.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate138.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate138.errors = vErrors;
return errors === 0;
}

export const SignedFirmwareStatusNotificationResponse = validate141;
const schema93 = {"$id":"urn:SignedFirmwareStatusNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"type":"object"};

function validate141(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SignedFirmwareStatusNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate141.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate141.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate141.errors = vErrors;
return errors === 0;
}

export const SignedUpdateFirmwareRequest = validate142;
const schema94 = {"$id":"urn:SignedUpdateFirmware.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"FirmwareType":{"type":"object","additionalProperties":false,"properties":{"location":{"type":"string","maxLength":512},"retrieveDateTime":{"type":"string","format":"date-time"},"installDateTime":{"type":"string","format":"date-time"},"signingCertificate":{"type":"string","maxLength":5500},"signature":{"type":"string","maxLength":800}},"required":["location","retrieveDateTime","signingCertificate","signature"]}},"properties":{"retries":{"type":"integer"},"retryInterval":{"type":"integer"},"requestId":{"type":"integer"},"firmware":{"$ref":"#/definitions/FirmwareType"}},"required":["requestId","firmware"],"type":"object"};
const schema95 = {"type":"object","additionalProperties":false,"properties":{"location":{"type":"string","maxLength":512},"retrieveDateTime":{"type":"string","format":"date-time"},"installDateTime":{"type":"string","format":"date-time"},"signingCertificate":{"type":"string","maxLength":5500},"signature":{"type":"string","maxLength":800}},"required":["location","retrieveDateTime","signingCertificate","signature"]};

function validate143(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.location === undefined) && (missing0 = "location")) || ((data.retrieveDateTime === undefined) && (missing0 = "retrieveDateTime"))) || ((data.signingCertificate === undefined) && (missing0 = "signingCertificate"))) || ((data.signature === undefined) && (missing0 = "signature"))){
validate143.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "location") || (key0 === "retrieveDateTime")) || (key0 === "installDateTime")) || (key0 === "signingCertificate")) || (key0 === "signature"))){
validate143.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.location !== undefined){
let data0 = data.location;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 512){
validate143.errors = [{instancePath:instancePath+"/location",schemaPath:"#/properties/location/maxLength",keyword:"maxLength",params:{limit: 512},message:"must NOT have more than 512 characters"}];
return false;
}
}
else {
validate143.errors = [{instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retrieveDateTime !== undefined){
let data1 = data.retrieveDateTime;
const _errs4 = errors;
if(errors === _errs4){
if(errors === _errs4){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate143.errors = [{instancePath:instancePath+"/retrieveDateTime",schemaPath:"#/properties/retrieveDateTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate143.errors = [{instancePath:instancePath+"/retrieveDateTime",schemaPath:"#/properties/retrieveDateTime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.installDateTime !== undefined){
let data2 = data.installDateTime;
const _errs6 = errors;
if(errors === _errs6){
if(errors === _errs6){
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
validate143.errors = [{instancePath:instancePath+"/installDateTime",schemaPath:"#/properties/installDateTime/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate143.errors = [{instancePath:instancePath+"/installDateTime",schemaPath:"#/properties/installDateTime/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signingCertificate !== undefined){
let data3 = data.signingCertificate;
const _errs8 = errors;
if(errors === _errs8){
if(typeof data3 === "string"){
if(func4(data3) > 5500){
validate143.errors = [{instancePath:instancePath+"/signingCertificate",schemaPath:"#/properties/signingCertificate/maxLength",keyword:"maxLength",params:{limit: 5500},message:"must NOT have more than 5500 characters"}];
return false;
}
}
else {
validate143.errors = [{instancePath:instancePath+"/signingCertificate",schemaPath:"#/properties/signingCertificate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signature !== undefined){
let data4 = data.signature;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data4 === "string"){
if(func4(data4) > 800){
validate143.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/maxLength",keyword:"maxLength",params:{limit: 800},message:"must NOT have more than 800 characters"}];
return false;
}
}
else {
validate143.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate143.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate143.errors = vErrors;
return errors === 0;
}


function validate142(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SignedUpdateFirmware.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.requestId === undefined) && (missing0 = "requestId")) || ((data.firmware === undefined) && (missing0 = "firmware"))){
validate142.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "retries") || (key0 === "retryInterval")) || (key0 === "requestId")) || (key0 === "firmware"))){
validate142.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.retries !== undefined){
let data0 = data.retries;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate142.errors = [{instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retryInterval !== undefined){
let data1 = data.retryInterval;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate142.errors = [{instancePath:instancePath+"/retryInterval",schemaPath:"#/properties/retryInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.requestId !== undefined){
let data2 = data.requestId;
const _errs6 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate142.errors = [{instancePath:instancePath+"/requestId",schemaPath:"#/properties/requestId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.firmware !== undefined){
const _errs8 = errors;
if(!(validate143(data.firmware, {instancePath:instancePath+"/firmware",parentData:data,parentDataProperty:"firmware",rootData}))){
vErrors = vErrors === null ? validate143.errors : vErrors.concat(validate143.errors);
errors = vErrors.length;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate142.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate142.errors = vErrors;
return errors === 0;
}

export const SignedUpdateFirmwareResponse = validate145;
const schema96 = {"$id":"urn:SignedUpdateFirmware.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"definitions":{"UpdateFirmwareStatusEnumType":{"type":"string","enum":["Accepted","Rejected","AcceptedCanceled","InvalidCertificate","RevokedCertificate"]}},"properties":{"status":{"$ref":"#/definitions/UpdateFirmwareStatusEnumType"}},"required":["status"],"type":"object"};
const schema97 = {"type":"string","enum":["Accepted","Rejected","AcceptedCanceled","InvalidCertificate","RevokedCertificate"]};

function validate146(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(typeof data !== "string"){
validate146.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data === "Accepted") || (data === "Rejected")) || (data === "AcceptedCanceled")) || (data === "InvalidCertificate")) || (data === "RevokedCertificate"))){
validate146.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema97.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate146.errors = vErrors;
return errors === 0;
}


function validate145(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:SignedUpdateFirmware.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate145.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate145.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
if(!(validate146(data.status, {instancePath:instancePath+"/status",parentData:data,parentDataProperty:"status",rootData}))){
vErrors = vErrors === null ? validate146.errors : vErrors.concat(validate146.errors);
errors = vErrors.length;
}
}
}
}
}
else {
validate145.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate145.errors = vErrors;
return errors === 0;
}

export const StartTransactionRequest = validate148;
const schema98 = {"$id":"urn:StartTransaction.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"idTag":{"type":"string","maxLength":20},"meterStart":{"type":"integer"},"reservationId":{"type":"integer"},"timestamp":{"type":"string","format":"date-time"}},"required":["connectorId","idTag","meterStart","timestamp"],"type":"object"};

function validate148(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:StartTransaction.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.idTag === undefined) && (missing0 = "idTag"))) || ((data.meterStart === undefined) && (missing0 = "meterStart"))) || ((data.timestamp === undefined) && (missing0 = "timestamp"))){
validate148.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "connectorId") || (key0 === "idTag")) || (key0 === "meterStart")) || (key0 === "reservationId")) || (key0 === "timestamp"))){
validate148.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate148.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.idTag !== undefined){
let data1 = data.idTag;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(func4(data1) > 20){
validate148.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate148.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.meterStart !== undefined){
let data2 = data.meterStart;
const _errs6 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate148.errors = [{instancePath:instancePath+"/meterStart",schemaPath:"#/properties/meterStart/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reservationId !== undefined){
let data3 = data.reservationId;
const _errs8 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate148.errors = [{instancePath:instancePath+"/reservationId",schemaPath:"#/properties/reservationId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timestamp !== undefined){
let data4 = data.timestamp;
const _errs10 = errors;
if(errors === _errs10){
if(errors === _errs10){
if(typeof data4 === "string"){
if(!(formats0.validate(data4))){
validate148.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate148.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate148.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate148.errors = vErrors;
return errors === 0;
}

export const StartTransactionResponse = validate149;
const schema99 = {"$id":"urn:StartTransaction.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"idTagInfo":{"type":"object","properties":{"expiryDate":{"type":"string","format":"date-time"},"parentIdTag":{"type":"string","maxLength":20},"status":{"type":"string","enum":["Accepted","Blocked","Expired","Invalid","ConcurrentTx"]}},"additionalProperties":false,"required":["status"]},"transactionId":{"type":"integer"}},"required":["idTagInfo","transactionId"],"type":"object"};

function validate149(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:StartTransaction.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.idTagInfo === undefined) && (missing0 = "idTagInfo")) || ((data.transactionId === undefined) && (missing0 = "transactionId"))){
validate149.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "idTagInfo") || (key0 === "transactionId"))){
validate149.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.idTagInfo !== undefined){
let data0 = data.idTagInfo;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing1;
if((data0.status === undefined) && (missing1 = "status")){
validate149.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs4 = errors;
for(const key1 in data0){
if(!(((key1 === "expiryDate") || (key1 === "parentIdTag")) || (key1 === "status"))){
validate149.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs4 === errors){
if(data0.expiryDate !== undefined){
let data1 = data0.expiryDate;
const _errs5 = errors;
if(errors === _errs5){
if(errors === _errs5){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate149.errors = [{instancePath:instancePath+"/idTagInfo/expiryDate",schemaPath:"#/properties/idTagInfo/properties/expiryDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate149.errors = [{instancePath:instancePath+"/idTagInfo/expiryDate",schemaPath:"#/properties/idTagInfo/properties/expiryDate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs5 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.parentIdTag !== undefined){
let data2 = data0.parentIdTag;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func4(data2) > 20){
validate149.errors = [{instancePath:instancePath+"/idTagInfo/parentIdTag",schemaPath:"#/properties/idTagInfo/properties/parentIdTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate149.errors = [{instancePath:instancePath+"/idTagInfo/parentIdTag",schemaPath:"#/properties/idTagInfo/properties/parentIdTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.status !== undefined){
let data3 = data0.status;
const _errs9 = errors;
if(typeof data3 !== "string"){
validate149.errors = [{instancePath:instancePath+"/idTagInfo/status",schemaPath:"#/properties/idTagInfo/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data3 === "Accepted") || (data3 === "Blocked")) || (data3 === "Expired")) || (data3 === "Invalid")) || (data3 === "ConcurrentTx"))){
validate149.errors = [{instancePath:instancePath+"/idTagInfo/status",schemaPath:"#/properties/idTagInfo/properties/status/enum",keyword:"enum",params:{allowedValues: schema99.properties.idTagInfo.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
else {
validate149.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.transactionId !== undefined){
let data4 = data.transactionId;
const _errs11 = errors;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
validate149.errors = [{instancePath:instancePath+"/transactionId",schemaPath:"#/properties/transactionId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate149.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate149.errors = vErrors;
return errors === 0;
}

export const StatusNotificationRequest = validate150;
const schema100 = {"$id":"urn:StatusNotification.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"},"errorCode":{"type":"string","enum":["ConnectorLockFailure","EVCommunicationError","GroundFailure","HighTemperature","InternalError","LocalListConflict","NoError","OtherError","OverCurrentFailure","PowerMeterFailure","PowerSwitchFailure","ReaderFailure","ResetFailure","UnderVoltage","OverVoltage","WeakSignal"]},"info":{"type":"string","maxLength":50},"status":{"type":"string","enum":["Available","Preparing","Charging","SuspendedEVSE","SuspendedEV","Finishing","Reserved","Unavailable","Faulted"]},"timestamp":{"type":"string","format":"date-time"},"vendorId":{"type":"string","maxLength":255},"vendorErrorCode":{"type":"string","maxLength":50}},"required":["connectorId","errorCode","status"],"type":"object"};

function validate150(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:StatusNotification.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.connectorId === undefined) && (missing0 = "connectorId")) || ((data.errorCode === undefined) && (missing0 = "errorCode"))) || ((data.status === undefined) && (missing0 = "status"))){
validate150.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((((((key0 === "connectorId") || (key0 === "errorCode")) || (key0 === "info")) || (key0 === "status")) || (key0 === "timestamp")) || (key0 === "vendorId")) || (key0 === "vendorErrorCode"))){
validate150.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
const _errs2 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate150.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.errorCode !== undefined){
let data1 = data.errorCode;
const _errs4 = errors;
if(typeof data1 !== "string"){
validate150.errors = [{instancePath:instancePath+"/errorCode",schemaPath:"#/properties/errorCode/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((((((((data1 === "ConnectorLockFailure") || (data1 === "EVCommunicationError")) || (data1 === "GroundFailure")) || (data1 === "HighTemperature")) || (data1 === "InternalError")) || (data1 === "LocalListConflict")) || (data1 === "NoError")) || (data1 === "OtherError")) || (data1 === "OverCurrentFailure")) || (data1 === "PowerMeterFailure")) || (data1 === "PowerSwitchFailure")) || (data1 === "ReaderFailure")) || (data1 === "ResetFailure")) || (data1 === "UnderVoltage")) || (data1 === "OverVoltage")) || (data1 === "WeakSignal"))){
validate150.errors = [{instancePath:instancePath+"/errorCode",schemaPath:"#/properties/errorCode/enum",keyword:"enum",params:{allowedValues: schema100.properties.errorCode.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.info !== undefined){
let data2 = data.info;
const _errs6 = errors;
if(errors === _errs6){
if(typeof data2 === "string"){
if(func4(data2) > 50){
validate150.errors = [{instancePath:instancePath+"/info",schemaPath:"#/properties/info/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate150.errors = [{instancePath:instancePath+"/info",schemaPath:"#/properties/info/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.status !== undefined){
let data3 = data.status;
const _errs8 = errors;
if(typeof data3 !== "string"){
validate150.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((((data3 === "Available") || (data3 === "Preparing")) || (data3 === "Charging")) || (data3 === "SuspendedEVSE")) || (data3 === "SuspendedEV")) || (data3 === "Finishing")) || (data3 === "Reserved")) || (data3 === "Unavailable")) || (data3 === "Faulted"))){
validate150.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema100.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timestamp !== undefined){
let data4 = data.timestamp;
const _errs10 = errors;
if(errors === _errs10){
if(errors === _errs10){
if(typeof data4 === "string"){
if(!(formats0.validate(data4))){
validate150.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate150.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vendorId !== undefined){
let data5 = data.vendorId;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data5 === "string"){
if(func4(data5) > 255){
validate150.errors = [{instancePath:instancePath+"/vendorId",schemaPath:"#/properties/vendorId/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters"}];
return false;
}
}
else {
validate150.errors = [{instancePath:instancePath+"/vendorId",schemaPath:"#/properties/vendorId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.vendorErrorCode !== undefined){
let data6 = data.vendorErrorCode;
const _errs14 = errors;
if(errors === _errs14){
if(typeof data6 === "string"){
if(func4(data6) > 50){
validate150.errors = [{instancePath:instancePath+"/vendorErrorCode",schemaPath:"#/properties/vendorErrorCode/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters"}];
return false;
}
}
else {
validate150.errors = [{instancePath:instancePath+"/vendorErrorCode",schemaPath:"#/properties/vendorErrorCode/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate150.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate150.errors = vErrors;
return errors === 0;
}

export const StatusNotificationResponse = validate151;
const schema101 = {"$id":"urn:StatusNotification.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate151(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:StatusNotification.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate151.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate151.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate151.errors = vErrors;
return errors === 0;
}

export const StopTransactionRequest = validate152;
const schema102 = {"$id":"urn:StopTransaction.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"idTag":{"type":"string","maxLength":20},"meterStop":{"type":"integer"},"timestamp":{"type":"string","format":"date-time"},"transactionId":{"type":"integer"},"reason":{"type":"string","enum":["EmergencyStop","EVDisconnected","HardReset","Local","Other","PowerLoss","Reboot","Remote","SoftReset","UnlockCommand","DeAuthorized"]},"transactionData":{"type":"array","items":{"type":"object","properties":{"timestamp":{"type":"string","format":"date-time"},"sampledValue":{"type":"array","items":{"type":"object","properties":{"value":{"type":"string"},"context":{"type":"string","enum":["Interruption.Begin","Interruption.End","Sample.Clock","Sample.Periodic","Transaction.Begin","Transaction.End","Trigger","Other"]},"format":{"type":"string","enum":["Raw","SignedData"]},"measurand":{"type":"string","enum":["Energy.Active.Export.Register","Energy.Active.Import.Register","Energy.Reactive.Export.Register","Energy.Reactive.Import.Register","Energy.Active.Export.Interval","Energy.Active.Import.Interval","Energy.Reactive.Export.Interval","Energy.Reactive.Import.Interval","Power.Active.Export","Power.Active.Import","Power.Offered","Power.Reactive.Export","Power.Reactive.Import","Power.Factor","Current.Import","Current.Export","Current.Offered","Voltage","Frequency","Temperature","SoC","RPM"]},"phase":{"type":"string","enum":["L1","L2","L3","N","L1-N","L2-N","L3-N","L1-L2","L2-L3","L3-L1"]},"location":{"type":"string","enum":["Cable","EV","Inlet","Outlet","Body"]},"unit":{"type":"string","enum":["Wh","kWh","varh","kvarh","W","kW","VA","kVA","var","kvar","A","V","K","Celcius","Celsius","Fahrenheit","Percent"]}},"additionalProperties":false,"required":["value"]}}},"additionalProperties":false,"required":["timestamp","sampledValue"]}}},"required":["transactionId","timestamp","meterStop"],"type":"object"};

function validate152(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:StopTransaction.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.transactionId === undefined) && (missing0 = "transactionId")) || ((data.timestamp === undefined) && (missing0 = "timestamp"))) || ((data.meterStop === undefined) && (missing0 = "meterStop"))){
validate152.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((key0 === "idTag") || (key0 === "meterStop")) || (key0 === "timestamp")) || (key0 === "transactionId")) || (key0 === "reason")) || (key0 === "transactionData"))){
validate152.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.idTag !== undefined){
let data0 = data.idTag;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(func4(data0) > 20){
validate152.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate152.errors = [{instancePath:instancePath+"/idTag",schemaPath:"#/properties/idTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.meterStop !== undefined){
let data1 = data.meterStop;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate152.errors = [{instancePath:instancePath+"/meterStop",schemaPath:"#/properties/meterStop/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.timestamp !== undefined){
let data2 = data.timestamp;
const _errs6 = errors;
if(errors === _errs6){
if(errors === _errs6){
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
validate152.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate152.errors = [{instancePath:instancePath+"/timestamp",schemaPath:"#/properties/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.transactionId !== undefined){
let data3 = data.transactionId;
const _errs8 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate152.errors = [{instancePath:instancePath+"/transactionId",schemaPath:"#/properties/transactionId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reason !== undefined){
let data4 = data.reason;
const _errs10 = errors;
if(typeof data4 !== "string"){
validate152.errors = [{instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((((((data4 === "EmergencyStop") || (data4 === "EVDisconnected")) || (data4 === "HardReset")) || (data4 === "Local")) || (data4 === "Other")) || (data4 === "PowerLoss")) || (data4 === "Reboot")) || (data4 === "Remote")) || (data4 === "SoftReset")) || (data4 === "UnlockCommand")) || (data4 === "DeAuthorized"))){
validate152.errors = [{instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/enum",keyword:"enum",params:{allowedValues: schema102.properties.reason.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.transactionData !== undefined){
let data5 = data.transactionData;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data5)){
var valid1 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
const _errs14 = errors;
if(errors === _errs14){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
let missing1;
if(((data6.timestamp === undefined) && (missing1 = "timestamp")) || ((data6.sampledValue === undefined) && (missing1 = "sampledValue"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0,schemaPath:"#/properties/transactionData/items/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs16 = errors;
for(const key1 in data6){
if(!((key1 === "timestamp") || (key1 === "sampledValue"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0,schemaPath:"#/properties/transactionData/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs16 === errors){
if(data6.timestamp !== undefined){
let data7 = data6.timestamp;
const _errs17 = errors;
if(errors === _errs17){
if(errors === _errs17){
if(typeof data7 === "string"){
if(!(formats0.validate(data7))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/timestamp",schemaPath:"#/properties/transactionData/items/properties/timestamp/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/timestamp",schemaPath:"#/properties/transactionData/items/properties/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data6.sampledValue !== undefined){
let data8 = data6.sampledValue;
const _errs19 = errors;
if(errors === _errs19){
if(Array.isArray(data8)){
var valid3 = true;
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
const _errs21 = errors;
if(errors === _errs21){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if((data9.value === undefined) && (missing2 = "value")){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1,schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs23 = errors;
for(const key2 in data9){
if(!(((((((key2 === "value") || (key2 === "context")) || (key2 === "format")) || (key2 === "measurand")) || (key2 === "phase")) || (key2 === "location")) || (key2 === "unit"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1,schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs23 === errors){
if(data9.value !== undefined){
const _errs24 = errors;
if(typeof data9.value !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/value",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs24 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.context !== undefined){
let data11 = data9.context;
const _errs26 = errors;
if(typeof data11 !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/context",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((data11 === "Interruption.Begin") || (data11 === "Interruption.End")) || (data11 === "Sample.Clock")) || (data11 === "Sample.Periodic")) || (data11 === "Transaction.Begin")) || (data11 === "Transaction.End")) || (data11 === "Trigger")) || (data11 === "Other"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/context",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/context/enum",keyword:"enum",params:{allowedValues: schema102.properties.transactionData.items.properties.sampledValue.items.properties.context.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.format !== undefined){
let data12 = data9.format;
const _errs28 = errors;
if(typeof data12 !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/format",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data12 === "Raw") || (data12 === "SignedData"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/format",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/format/enum",keyword:"enum",params:{allowedValues: schema102.properties.transactionData.items.properties.sampledValue.items.properties.format.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs28 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.measurand !== undefined){
let data13 = data9.measurand;
const _errs30 = errors;
if(typeof data13 !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/measurand",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/measurand/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((((((((((((((data13 === "Energy.Active.Export.Register") || (data13 === "Energy.Active.Import.Register")) || (data13 === "Energy.Reactive.Export.Register")) || (data13 === "Energy.Reactive.Import.Register")) || (data13 === "Energy.Active.Export.Interval")) || (data13 === "Energy.Active.Import.Interval")) || (data13 === "Energy.Reactive.Export.Interval")) || (data13 === "Energy.Reactive.Import.Interval")) || (data13 === "Power.Active.Export")) || (data13 === "Power.Active.Import")) || (data13 === "Power.Offered")) || (data13 === "Power.Reactive.Export")) || (data13 === "Power.Reactive.Import")) || (data13 === "Power.Factor")) || (data13 === "Current.Import")) || (data13 === "Current.Export")) || (data13 === "Current.Offered")) || (data13 === "Voltage")) || (data13 === "Frequency")) || (data13 === "Temperature")) || (data13 === "SoC")) || (data13 === "RPM"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/measurand",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/measurand/enum",keyword:"enum",params:{allowedValues: schema102.properties.transactionData.items.properties.sampledValue.items.properties.measurand.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs30 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.phase !== undefined){
let data14 = data9.phase;
const _errs32 = errors;
if(typeof data14 !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/phase",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/phase/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((((((data14 === "L1") || (data14 === "L2")) || (data14 === "L3")) || (data14 === "N")) || (data14 === "L1-N")) || (data14 === "L2-N")) || (data14 === "L3-N")) || (data14 === "L1-L2")) || (data14 === "L2-L3")) || (data14 === "L3-L1"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/phase",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/phase/enum",keyword:"enum",params:{allowedValues: schema102.properties.transactionData.items.properties.sampledValue.items.properties.phase.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs32 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.location !== undefined){
let data15 = data9.location;
const _errs34 = errors;
if(typeof data15 !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/location",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data15 === "Cable") || (data15 === "EV")) || (data15 === "Inlet")) || (data15 === "Outlet")) || (data15 === "Body"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/location",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/location/enum",keyword:"enum",params:{allowedValues: schema102.properties.transactionData.items.properties.sampledValue.items.properties.location.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs34 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data9.unit !== undefined){
let data16 = data9.unit;
const _errs36 = errors;
if(typeof data16 !== "string"){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/unit",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/unit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((((((((((((data16 === "Wh") || (data16 === "kWh")) || (data16 === "varh")) || (data16 === "kvarh")) || (data16 === "W")) || (data16 === "kW")) || (data16 === "VA")) || (data16 === "kVA")) || (data16 === "var")) || (data16 === "kvar")) || (data16 === "A")) || (data16 === "V")) || (data16 === "K")) || (data16 === "Celcius")) || (data16 === "Celsius")) || (data16 === "Fahrenheit")) || (data16 === "Percent"))){
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1+"/unit",schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/properties/unit/enum",keyword:"enum",params:{allowedValues: schema102.properties.transactionData.items.properties.sampledValue.items.properties.unit.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid4 = _errs36 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue/" + i1,schemaPath:"#/properties/transactionData/items/properties/sampledValue/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs21 === errors;
if(!valid3){
break;
}
}
}
else {
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0+"/sampledValue",schemaPath:"#/properties/transactionData/items/properties/sampledValue/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate152.errors = [{instancePath:instancePath+"/transactionData/" + i0,schemaPath:"#/properties/transactionData/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid1 = _errs14 === errors;
if(!valid1){
break;
}
}
}
else {
validate152.errors = [{instancePath:instancePath+"/transactionData",schemaPath:"#/properties/transactionData/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
else {
validate152.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate152.errors = vErrors;
return errors === 0;
}

export const StopTransactionResponse = validate153;
const schema103 = {"$id":"urn:StopTransaction.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"idTagInfo":{"type":"object","properties":{"expiryDate":{"type":"string","format":"date-time"},"parentIdTag":{"type":"string","maxLength":20},"status":{"type":"string","enum":["Accepted","Blocked","Expired","Invalid","ConcurrentTx"]}},"additionalProperties":false,"required":["status"]}},"type":"object"};

function validate153(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:StopTransaction.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "idTagInfo")){
validate153.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.idTagInfo !== undefined){
let data0 = data.idTagInfo;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if((data0.status === undefined) && (missing0 = "status")){
validate153.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs4 = errors;
for(const key1 in data0){
if(!(((key1 === "expiryDate") || (key1 === "parentIdTag")) || (key1 === "status"))){
validate153.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs4 === errors){
if(data0.expiryDate !== undefined){
let data1 = data0.expiryDate;
const _errs5 = errors;
if(errors === _errs5){
if(errors === _errs5){
if(typeof data1 === "string"){
if(!(formats0.validate(data1))){
validate153.errors = [{instancePath:instancePath+"/idTagInfo/expiryDate",schemaPath:"#/properties/idTagInfo/properties/expiryDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate153.errors = [{instancePath:instancePath+"/idTagInfo/expiryDate",schemaPath:"#/properties/idTagInfo/properties/expiryDate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid1 = _errs5 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.parentIdTag !== undefined){
let data2 = data0.parentIdTag;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(func4(data2) > 20){
validate153.errors = [{instancePath:instancePath+"/idTagInfo/parentIdTag",schemaPath:"#/properties/idTagInfo/properties/parentIdTag/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters"}];
return false;
}
}
else {
validate153.errors = [{instancePath:instancePath+"/idTagInfo/parentIdTag",schemaPath:"#/properties/idTagInfo/properties/parentIdTag/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data0.status !== undefined){
let data3 = data0.status;
const _errs9 = errors;
if(typeof data3 !== "string"){
validate153.errors = [{instancePath:instancePath+"/idTagInfo/status",schemaPath:"#/properties/idTagInfo/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data3 === "Accepted") || (data3 === "Blocked")) || (data3 === "Expired")) || (data3 === "Invalid")) || (data3 === "ConcurrentTx"))){
validate153.errors = [{instancePath:instancePath+"/idTagInfo/status",schemaPath:"#/properties/idTagInfo/properties/status/enum",keyword:"enum",params:{allowedValues: schema103.properties.idTagInfo.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
else {
validate153.errors = [{instancePath:instancePath+"/idTagInfo",schemaPath:"#/properties/idTagInfo/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
}
else {
validate153.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate153.errors = vErrors;
return errors === 0;
}

export const TriggerMessageRequest = validate154;
const schema104 = {"$id":"urn:TriggerMessage.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"requestedMessage":{"type":"string","enum":["BootNotification","DiagnosticsStatusNotification","FirmwareStatusNotification","Heartbeat","MeterValues","StatusNotification"]},"connectorId":{"type":"integer"}},"required":["requestedMessage"],"type":"object"};

function validate154(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:TriggerMessage.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.requestedMessage === undefined) && (missing0 = "requestedMessage")){
validate154.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "requestedMessage") || (key0 === "connectorId"))){
validate154.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.requestedMessage !== undefined){
let data0 = data.requestedMessage;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate154.errors = [{instancePath:instancePath+"/requestedMessage",schemaPath:"#/properties/requestedMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((((((data0 === "BootNotification") || (data0 === "DiagnosticsStatusNotification")) || (data0 === "FirmwareStatusNotification")) || (data0 === "Heartbeat")) || (data0 === "MeterValues")) || (data0 === "StatusNotification"))){
validate154.errors = [{instancePath:instancePath+"/requestedMessage",schemaPath:"#/properties/requestedMessage/enum",keyword:"enum",params:{allowedValues: schema104.properties.requestedMessage.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.connectorId !== undefined){
let data1 = data.connectorId;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate154.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate154.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate154.errors = vErrors;
return errors === 0;
}

export const TriggerMessageResponse = validate155;
const schema105 = {"$id":"urn:TriggerMessage.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Accepted","Rejected","NotImplemented"]}},"required":["status"],"type":"object"};

function validate155(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:TriggerMessage.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate155.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate155.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate155.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "Accepted") || (data0 === "Rejected")) || (data0 === "NotImplemented"))){
validate155.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema105.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate155.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate155.errors = vErrors;
return errors === 0;
}

export const UnlockConnectorRequest = validate156;
const schema106 = {"$id":"urn:UnlockConnector.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"connectorId":{"type":"integer"}},"required":["connectorId"],"type":"object"};

function validate156(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:UnlockConnector.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.connectorId === undefined) && (missing0 = "connectorId")){
validate156.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "connectorId")){
validate156.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.connectorId !== undefined){
let data0 = data.connectorId;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate156.errors = [{instancePath:instancePath+"/connectorId",schemaPath:"#/properties/connectorId/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
}
}
}
}
else {
validate156.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate156.errors = vErrors;
return errors === 0;
}

export const UnlockConnectorResponse = validate157;
const schema107 = {"$id":"urn:UnlockConnector.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"status":{"type":"string","enum":["Unlocked","UnlockFailed","NotSupported"]}},"required":["status"],"type":"object"};

function validate157(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:UnlockConnector.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.status === undefined) && (missing0 = "status")){
validate157.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "status")){
validate157.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.status !== undefined){
let data0 = data.status;
if(typeof data0 !== "string"){
validate157.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "Unlocked") || (data0 === "UnlockFailed")) || (data0 === "NotSupported"))){
validate157.errors = [{instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema107.properties.status.enum},message:"must be equal to one of the allowed values"}];
return false;
}
}
}
}
}
else {
validate157.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate157.errors = vErrors;
return errors === 0;
}

export const UpdateFirmwareRequest = validate158;
const schema108 = {"$id":"urn:UpdateFirmware.req","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{"location":{"type":"string","format":"uri"},"retries":{"type":"integer"},"retrieveDate":{"type":"string","format":"date-time"},"retryInterval":{"type":"integer"}},"required":["location","retrieveDate"],"type":"object"};

function validate158(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:UpdateFirmware.req" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.location === undefined) && (missing0 = "location")) || ((data.retrieveDate === undefined) && (missing0 = "retrieveDate"))){
validate158.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "location") || (key0 === "retries")) || (key0 === "retrieveDate")) || (key0 === "retryInterval"))){
validate158.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.location !== undefined){
let data0 = data.location;
const _errs2 = errors;
if(errors === _errs2){
if(errors === _errs2){
if(typeof data0 === "string"){
if(!(formats8(data0))){
validate158.errors = [{instancePath:instancePath+"/location",schemaPath:"#/properties/location/format",keyword:"format",params:{format: "uri"},message:"must match format \""+"uri"+"\""}];
return false;
}
}
else {
validate158.errors = [{instancePath:instancePath+"/location",schemaPath:"#/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retries !== undefined){
let data1 = data.retries;
const _errs4 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate158.errors = [{instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retrieveDate !== undefined){
let data2 = data.retrieveDate;
const _errs6 = errors;
if(errors === _errs6){
if(errors === _errs6){
if(typeof data2 === "string"){
if(!(formats0.validate(data2))){
validate158.errors = [{instancePath:instancePath+"/retrieveDate",schemaPath:"#/properties/retrieveDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\""}];
return false;
}
}
else {
validate158.errors = [{instancePath:instancePath+"/retrieveDate",schemaPath:"#/properties/retrieveDate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.retryInterval !== undefined){
let data3 = data.retryInterval;
const _errs8 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate158.errors = [{instancePath:instancePath+"/retryInterval",schemaPath:"#/properties/retryInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate158.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate158.errors = vErrors;
return errors === 0;
}

export const UpdateFirmwareResponse = validate159;
const schema109 = {"$id":"urn:UpdateFirmware.conf","$schema":"http://json-schema.org/draft-07/schema","additionalProperties":false,"properties":{},"type":"object"};

function validate159(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="urn:UpdateFirmware.conf" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
validate159.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate159.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate159.errors = vErrors;
return errors === 0;
}

/** Request and response validator of every action (response undefined for SEND messages). */
export const ACTION_VALIDATORS = {
  Authorize: { request: AuthorizeRequest, response: AuthorizeResponse },
  BootNotification: { request: BootNotificationRequest, response: BootNotificationResponse },
  CancelReservation: { request: CancelReservationRequest, response: CancelReservationResponse },
  CertificateSigned: { request: CertificateSignedRequest, response: CertificateSignedResponse },
  ChangeAvailability: { request: ChangeAvailabilityRequest, response: ChangeAvailabilityResponse },
  ChangeConfiguration: { request: ChangeConfigurationRequest, response: ChangeConfigurationResponse },
  ClearCache: { request: ClearCacheRequest, response: ClearCacheResponse },
  ClearChargingProfile: { request: ClearChargingProfileRequest, response: ClearChargingProfileResponse },
  DataTransfer: { request: DataTransferRequest, response: DataTransferResponse },
  DeleteCertificate: { request: DeleteCertificateRequest, response: DeleteCertificateResponse },
  DiagnosticsStatusNotification: { request: DiagnosticsStatusNotificationRequest, response: DiagnosticsStatusNotificationResponse },
  ExtendedTriggerMessage: { request: ExtendedTriggerMessageRequest, response: ExtendedTriggerMessageResponse },
  FirmwareStatusNotification: { request: FirmwareStatusNotificationRequest, response: FirmwareStatusNotificationResponse },
  GetCompositeSchedule: { request: GetCompositeScheduleRequest, response: GetCompositeScheduleResponse },
  GetConfiguration: { request: GetConfigurationRequest, response: GetConfigurationResponse },
  GetDiagnostics: { request: GetDiagnosticsRequest, response: GetDiagnosticsResponse },
  GetInstalledCertificateIds: { request: GetInstalledCertificateIdsRequest, response: GetInstalledCertificateIdsResponse },
  GetLocalListVersion: { request: GetLocalListVersionRequest, response: GetLocalListVersionResponse },
  GetLog: { request: GetLogRequest, response: GetLogResponse },
  Heartbeat: { request: HeartbeatRequest, response: HeartbeatResponse },
  InstallCertificate: { request: InstallCertificateRequest, response: InstallCertificateResponse },
  LogStatusNotification: { request: LogStatusNotificationRequest, response: LogStatusNotificationResponse },
  MeterValues: { request: MeterValuesRequest, response: MeterValuesResponse },
  RemoteStartTransaction: { request: RemoteStartTransactionRequest, response: RemoteStartTransactionResponse },
  RemoteStopTransaction: { request: RemoteStopTransactionRequest, response: RemoteStopTransactionResponse },
  ReserveNow: { request: ReserveNowRequest, response: ReserveNowResponse },
  Reset: { request: ResetRequest, response: ResetResponse },
  SecurityEventNotification: { request: SecurityEventNotificationRequest, response: SecurityEventNotificationResponse },
  SendLocalList: { request: SendLocalListRequest, response: SendLocalListResponse },
  SetChargingProfile: { request: SetChargingProfileRequest, response: SetChargingProfileResponse },
  SignCertificate: { request: SignCertificateRequest, response: SignCertificateResponse },
  SignedFirmwareStatusNotification: { request: SignedFirmwareStatusNotificationRequest, response: SignedFirmwareStatusNotificationResponse },
  SignedUpdateFirmware: { request: SignedUpdateFirmwareRequest, response: SignedUpdateFirmwareResponse },
  StartTransaction: { request: StartTransactionRequest, response: StartTransactionResponse },
  StatusNotification: { request: StatusNotificationRequest, response: StatusNotificationResponse },
  StopTransaction: { request: StopTransactionRequest, response: StopTransactionResponse },
  TriggerMessage: { request: TriggerMessageRequest, response: TriggerMessageResponse },
  UnlockConnector: { request: UnlockConnectorRequest, response: UnlockConnectorResponse },
  UpdateFirmware: { request: UpdateFirmwareRequest, response: UpdateFirmwareResponse },
};

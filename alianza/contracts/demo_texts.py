"""The texts of the demo agreements (illustrative: written for the demo, in the usual
form of a US basic labor agreement and a Mexican contrato colectivo de trabajo)."""

# fmt: off
HAYDEN = """\
ARTICLE 1 – RECOGNITION AND UNION SECURITY
1.1 The Company recognizes the United Steelworkers and its Local 5101 as the sole and exclusive bargaining agent for all production and maintenance employees at the Hayden smelter.
1.2 The Company shall deduct union dues from the wages of each employee who signs a checkoff authorization and remit them to the Union monthly.
1.3 Union representatives and stewards shall be given time off without loss of pay to investigate and present grievances.
ARTICLE 2 – WAGES AND JOB CLASSIFICATIONS
2.1 Each job is assigned to a job class in the wage schedule in Appendix A. The standard hourly wage rate of each job class is set out in the schedule.
2.2 General wage increases: 3.0 percent on July 1, 2014; 2.5 percent on July 1, 2015; 2.5 percent on July 1, 2016; 2.0 percent on July 1, 2017.
ARTICLE 3 – HOURS OF WORK AND OVERTIME
3.1 The normal workweek is forty hours, five shifts of eight hours. Overtime at one and one-half times the regular rate is paid for hours worked over eight in a day or forty in a week.
3.2 Double time is paid for work on the seventh consecutive day and on holidays.
ARTICLE 4 – ATTENDANCE
4.1 There is no points-based attendance policy. Absences are dealt with only under the just-cause discipline provisions of Article 8, and no employee shall be disciplined for an absence that is excused under Article 5.
ARTICLE 5 – LEAVES OF ABSENCE
5.1 Vacation with pay is granted according to continuous service, from two weeks after one year to six weeks after twenty-five years.
5.2 Family medical emergency: an employee may be absent up to five days in each calendar year to attend a family medical emergency of a spouse, child or parent, without loss of seniority and without discipline.
5.3 Bereavement leave of three days with pay is granted on the death of a member of the immediate family.
ARTICLE 6 – SUBSTANCE ABUSE
6.1 The parties share the goal of a workplace free of drug and alcohol impairment. Testing for drugs or alcohol shall take place only where there is reasonable cause and after an accident, and never at random.
6.2 An employee who seeks help for a substance problem shall be referred to the Employee Assistance Program before any discipline is considered.
ARTICLE 7 – GRIEVANCE AND ARBITRATION PROCEDURE
7.1 A grievance is any dispute about the meaning or application of this Agreement. Step 1: the employee and steward meet the supervisor within ten working days. Step 2: the grievance committee meets the department superintendent. Step 3: the staff representative meets the manager of labor relations.
7.2 A grievance not settled at Step 3 may be appealed to arbitration by the Union. The decision of the arbitrator is final and binding.
ARTICLE 8 – DISCIPLINE AND DISCHARGE
8.1 No employee shall be disciplined or discharged except for just cause. An employee may request the presence of a steward at any investigatory interview.
ARTICLE 9 – SAFETY AND HEALTH
9.1 The Company shall provide safe and healthful working conditions and all required personal protective equipment at no cost.
9.2 An employee may refuse to work in conditions the employee believes in good faith are abnormally dangerous, without loss of pay while the matter is investigated by the joint safety committee.
ARTICLE 10 – SENIORITY
10.1 Seniority is continuous service from the last date of hire. Promotions, job bidding, layoffs and recall follow plant seniority where the employee can perform the work.
ARTICLE 11 – PENSIONS AND INSURANCE
11.1 Employees are covered by the Pension Plan and by medical, dental and life insurance as set out in the Insurance Agreement. The retiree medical benefit is maintained.
ARTICLE 12 – JOINT COMMITTEES
12.1 The parties maintain a joint Labor-Management Civil Rights Committee at each location, with equal numbers of union and company members, to review complaints of discrimination and to promote equal opportunity.
12.2 The joint safety committee meets monthly and inspects the plant.
ARTICLE 13 – TRAINING AND APPRENTICESHIP
13.1 The Company shall train employees who bid into new jobs, and maintains apprenticeship programs for the maintenance crafts.
ARTICLE 14 – NON-DISCRIMINATION
14.1 There shall be no discrimination against any employee because of race, color, religion, sex, sexual orientation, gender identity, national origin, age, disability or union activity. Harassment is prohibited.
ARTICLE 15 – CONTRACTING OUT
15.1 Production and maintenance work customarily performed by bargaining unit employees shall not be contracted out, except where the Company lacks the equipment or qualified employees, after notice to the Union.
ARTICLE 16 – TERM OF AGREEMENT
16.1 This Agreement takes effect on July 1, 2014 and remains in effect until June 30, 2018, and from year to year thereafter unless either party gives sixty days' notice of termination.
"""

SECTION_65 = """\
CLÁUSULA 1. RECONOCIMIENTO Y TITULARIDAD
1.1 La Empresa reconoce al Sindicato Nacional de Trabajadores Mineros, Metalúrgicos, Siderúrgicos y Similares de la República Mexicana, por conducto de su Sección 65, como titular del presente contrato colectivo de trabajo.
1.2 La Empresa descontará de los salarios las cuotas sindicales ordinarias y extraordinarias y las entregará al Sindicato cada semana.
1.3 Los delegados sindicales gozarán de permiso con goce de salario para atender los asuntos sindicales.
CLÁUSULA 2. SALARIOS Y TABULADOR
2.1 Los salarios de cada categoría son los del tabulador anexo. Se pagan por jornada, semanalmente.
2.2 Aumento general de salarios: 8 por ciento a partir del 15 de enero de 2025 y la revisión salarial de enero de 2026.
CLÁUSULA 3. JORNADA DE TRABAJO Y TIEMPO EXTRA
3.1 La jornada diurna es de ocho horas, la mixta de siete horas y media y la nocturna de siete horas, con un día de descanso semanal por cada seis de trabajo.
3.2 El tiempo extra se paga al doble las primeras nueve horas de la semana y al triple las siguientes.
CLÁUSULA 4. ASISTENCIA Y PUNTUALIDAD
4.1 Las faltas de asistencia justificadas no serán motivo de sanción. Se otorga un bono de asistencia y puntualidad mensual equivalente a dos días de salario.
CLÁUSULA 5. PERMISOS Y VACACIONES
5.1 Los trabajadores disfrutarán de vacaciones pagadas de doce días al cumplir un año de servicios, que aumentarán según la antigüedad, con prima vacacional del 50 por ciento.
5.2 Por emergencia médica de un familiar directo (cónyuge, hijos o padres), el trabajador tendrá permiso con goce de salario de hasta siete días al año, sin afectar su antigüedad.
5.3 En caso de fallecimiento de un familiar directo se otorgarán tres días de permiso con goce de salario.
CLÁUSULA 6. PRUEBAS DE ALCOHOL Y DROGAS
6.1 Sólo se practicarán pruebas de alcohol o drogas cuando exista causa razonable o después de un accidente, en presencia de un representante sindical, y nunca al azar.
CLÁUSULA 7. QUEJAS Y PROCEDIMIENTO DE CONTROVERSIAS
7.1 Las quejas de los trabajadores se presentan por conducto del delegado sindical al jefe de departamento; si no se resuelven en cinco días, pasan a la Comisión Mixta de Conciliación.
7.2 Las controversias no resueltas se someten al Tribunal Laboral competente, sin perjuicio de la conciliación prejudicial ante el Centro Federal de Conciliación y Registro Laboral.
CLÁUSULA 8. SEGURIDAD E HIGIENE
8.1 La Empresa proporcionará el equipo de protección personal y mantendrá las instalaciones conforme a las normas oficiales mexicanas de seguridad e higiene en minas.
8.2 La Comisión Mixta de Seguridad e Higiene recorrerá mensualmente la mina y la concentradora; sus recomendaciones son obligatorias para la Empresa.
CLÁUSULA 9. ANTIGÜEDAD Y ESCALAFÓN
9.1 Las vacantes y los puestos de nueva creación se cubrirán por escalafón, conforme a la antigüedad en la categoría inmediata inferior.
CLÁUSULA 10. JUBILACIONES Y PRESTACIONES
10.1 La Empresa otorga fondo de ahorro del 13 por ciento del salario, aguinaldo de 45 días, despensa semanal y seguro de vida. Los trabajadores con 30 años de servicio tienen derecho a jubilación con pensión complementaria.
CLÁUSULA 11. COMISIONES MIXTAS
11.1 Funcionarán las comisiones mixtas de seguridad e higiene, de capacitación y adiestramiento, de productividad y de reparto de utilidades, integradas por igual número de representantes del Sindicato y de la Empresa.
CLÁUSULA 12. CAPACITACIÓN Y ADIESTRAMIENTO
12.1 La Empresa impartirá capacitación y adiestramiento en horas de trabajo conforme a los planes aprobados por la comisión mixta.
CLÁUSULA 13. IGUALDAD Y NO DISCRIMINACIÓN
13.1 Queda prohibida toda discriminación por origen étnico, género, edad, discapacidad, religión, preferencias sexuales o afiliación sindical, así como el acoso y el hostigamiento sexual.
CLÁUSULA 14. SUBCONTRATACIÓN
14.1 Las labores propias del contrato no podrán encomendarse a contratistas ni a empresas de subcontratación; los trabajos especializados requieren aviso previo al Sindicato.
CLÁUSULA 15. VIGENCIA
15.1 Este contrato colectivo tiene una vigencia de dos años, del 15 de enero de 2025 al 14 de enero de 2027; los salarios se revisan cada año.
"""
# fmt: on
